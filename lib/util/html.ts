/** Escapes text for HTML element content and quoted attribute values (including ` for old IE-style parsers). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
