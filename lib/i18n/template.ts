export type TemplateParams = Readonly<Record<string, string | number | undefined>>;

/** Fills "{name}" placeholders; an unknown or undefined placeholder stays as written. */
export function fillTemplate(template: string, params: TemplateParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] !== undefined ? String(params[name]) : whole));
}
