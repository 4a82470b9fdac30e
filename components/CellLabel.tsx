/**
 * A column name repeated inside a cell, shown only when a `table.cards` turns into cards below
 * 500 px. Hidden from assistive technology: the table's own headers already name the cell.
 */
export function CellLabel({ text }: { text: string }) {
  return (
    <span className="cell-label" aria-hidden="true">
      {text}
    </span>
  );
}
