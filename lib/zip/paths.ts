export type UnsafeReason = 'empty' | 'absolute' | 'drive' | 'backslash' | 'dotdot' | 'dot-segment' | 'control' | 'too-long' | 'not-ascii';

/**
 * Why a zip entry name is unsafe to extract, or null when it is safe. Bundle paths are relative,
 * forward-slash, printable ASCII: anything else could escape the folder it is unzipped into.
 */
export function unsafePathReason(name: string): UnsafeReason | null {
  if (name === '') return 'empty';
  if (name.length > 255) return 'too-long';
  if (/^[A-Za-z]:/.test(name)) return 'drive';
  if (name.startsWith('/')) return 'absolute';
  if (name.includes('\\')) return 'backslash';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control';
  if (/[^\u0020-\u007e]/.test(name)) return 'not-ascii';
  const segments = name.split('/');
  if (segments.includes('..')) return 'dotdot';
  if (segments.some((s, i) => s === '.' || (s === '' && i < segments.length - 1))) return 'dot-segment';
  return null;
}
