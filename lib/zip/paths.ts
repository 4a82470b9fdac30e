/**
 * Whether a zip entry name is safe to extract on every system a bundle travels to: Linux, Windows
 * and macOS. A name that is fine here but not there (a device name, a trailing dot, two names that
 * differ only in case) makes unzip tools on that system write something else than `check` saw.
 */
export type UnsafeReason =
  | 'empty'
  | 'absolute'
  | 'drive'
  | 'backslash'
  | 'dotdot'
  | 'dot-segment'
  | 'control'
  | 'too-long'
  | 'not-ascii'
  | 'url'
  | 'windows-char'
  | 'trailing-dot-space'
  | 'device-name';

/** Windows device names; a segment is one when its part before the first dot is one (CON, nul.txt, Com1.png). */
const DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)$/i;

export function unsafePathReason(name: string): UnsafeReason | null {
  if (name === '') return 'empty';
  if (name.length > 255) return 'too-long';
  if (/^[A-Za-z]:/.test(name)) return 'drive';
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(name)) return 'url';
  if (name.startsWith('/')) return 'absolute';
  if (name.includes('\\')) return 'backslash';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control';
  if (/[^\u0020-\u007e]/.test(name)) return 'not-ascii';
  const segments = name.split('/');
  if (segments.includes('..')) return 'dotdot';
  if (segments.some((s, i) => s === '.' || (s === '' && i < segments.length - 1))) return 'dot-segment';
  if (/[:<>|?*"]/.test(name)) return 'windows-char';
  if (segments.some((s) => /[. ]$/.test(s))) return 'trailing-dot-space';
  if (segments.some((s) => DEVICE.test(s.split('.')[0]!.trimEnd()))) return 'device-name';
  return null;
}

/** The key under which Windows and macOS (case-insensitive by default) see a name. */
export function foldedName(name: string): string {
  return name.replace(/\/$/, '').toLowerCase();
}
