import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Icon, type IconName } from './icons';

export interface TabDef<T extends string> {
  id: T;
  label: string;
  icon?: IconName;
}

/** The index a tab key moves to (Left/Right wrap around, Home/End jump), or null for other keys. */
export function nextTabIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * The WAI-ARIA tabs pattern: a tablist of role=tab buttons (roving tabindex; Left/Right/Home/End
 * move and select), and one role=tabpanel per tab, labelled by its tab. Only the selected panel
 * has content; the others stay empty and hidden so every aria-controls points at an element.
 * The tablist sits in one bar with `barEnd` (the settings button), outside the tablist.
 */
export function PanelTabs<T extends string>({
  tabs,
  selected,
  onSelect,
  label,
  barEnd,
  children,
}: {
  tabs: readonly TabDef<T>[];
  selected: T;
  onSelect(id: T): void;
  label: string;
  barEnd?: ReactNode;
  children: ReactNode;
}) {
  const base = useId();
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const tabId = (id: T) => `${base}-tab-${id}`;
  const panelId = (id: T) => `${base}-panel-${id}`;
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const current = tabs.findIndex((tab) => tab.id === selected);
    const next = nextTabIndex(e.key, Math.max(current, 0), tabs.length);
    if (next === null) return;
    e.preventDefault();
    const target = tabs[next]!.id;
    onSelect(target);
    refs.current.get(target)?.focus();
  };
  return (
    <>
      <div className="appbar">
        <nav className="tabs" role="tablist" aria-label={label}>
          {tabs.map((tab) => (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) refs.current.set(tab.id, el);
                else refs.current.delete(tab.id);
              }}
              id={tabId(tab.id)}
              type="button"
              role="tab"
              aria-selected={tab.id === selected}
              aria-controls={panelId(tab.id)}
              tabIndex={tab.id === selected ? 0 : -1}
              onClick={() => onSelect(tab.id)}
              onKeyDown={onKeyDown}
            >
              {tab.icon && <Icon name={tab.icon} />}
              <span>{tab.label}</span>
            </button>
          ))}
        </nav>
        {barEnd}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={panelId(tab.id)}
          aria-labelledby={tabId(tab.id)}
          hidden={tab.id !== selected}
          tabIndex={tab.id === selected ? 0 : -1}
        >
          {tab.id === selected ? children : null}
        </div>
      ))}
    </>
  );
}
