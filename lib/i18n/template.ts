export type TemplateParams = Readonly<Record<string, string | number | undefined>>;

/** Fills "{name}" placeholders; an unknown or undefined placeholder stays as written. */
export function fillTemplate(template: string, params: TemplateParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] !== undefined ? String(params[name]) : whole,
  );
}

/** A module's table of user-facing messages: a code, its Thai and English wording with "{name}" placeholders. */
export type MessageTable = Readonly<Record<string, { readonly th: string; readonly en: string }>>;

/**
 * Declares a module's messages once, so that the UI and the CLI render the same wording. `format` fills the
 * placeholders in the chosen language.
 */
export function defineMessages<T extends MessageTable>(table: T) {
  return {
    table,
    has: (code: string): code is keyof T & string => Object.prototype.hasOwnProperty.call(table, code),
    format: (code: keyof T & string, lang: 'th' | 'en', params?: TemplateParams): string =>
      fillTemplate(table[code]![lang], params),
  };
}
