import { describe, expect, it } from 'vitest';
import { formatArgError, parseArgs, resolveLang } from '../../../lib/cli/args';
import { displayWidth, padEndDisplay } from '../../../lib/cli/text-width';

describe('parseArgs', () => {
  it('separates flags, options and positionals', () => {
    const a = parseArgs(['--json', '--set', 'x/1/y', 'foo', '--lang=th', '--', '--json'], {
      flags: ['json'],
      options: ['set'],
    });
    expect([...a.flags]).toEqual(['json']);
    expect(Object.fromEntries(a.options)).toEqual({ set: 'x/1/y', lang: 'th' });
    expect(a.positionals).toEqual(['foo', '--json']);
    expect(a.errors).toEqual([]);
  });

  it('reports unknown options and missing values', () => {
    const a = parseArgs(['--nope', '--set'], { options: ['set'] });
    expect(a.errors).toEqual([
      { code: 'unknown-option', option: 'nope' },
      { code: 'missing-value', option: 'set' },
    ]);
    expect(formatArgError(a.errors[1]!, 'th')).toBe('ตัวเลือก --set ต้องมีค่า');
  });

  it('treats -h as help', () => {
    expect(parseArgs(['-h'], {}).flags.has('help')).toBe(true);
  });

  it('keeps the earlier edge cases: "--flag=value" is unknown, "--opt --x" lacks a value, single dashes are positionals, last value wins', () => {
    expect(parseArgs(['--json=1'], { flags: ['json'] }).errors).toEqual([{ code: 'unknown-option', option: 'json' }]);
    expect(parseArgs(['--set', '--json'], { flags: ['json'], options: ['set'] }).errors).toEqual([
      { code: 'missing-value', option: 'set' },
    ]);
    expect(parseArgs(['--set=--x'], { options: ['set'] }).options.get('set')).toBe('--x');
    expect(parseArgs(['--set', '-5'], { options: ['set'] }).options.get('set')).toBe('-5');
    expect(parseArgs(['-', '-x', 'file'], {}).positionals).toEqual(['-', '-x', 'file']);
    expect(parseArgs(['--set', 'a', '--set=b'], { options: ['set'] }).options.get('set')).toBe('b');
    expect(parseArgs(['--set='], { options: ['set'] }).options.get('set')).toBe('');
  });
});

describe('resolveLang', () => {
  it('prefers the option, then LANG, then English', () => {
    expect(resolveLang('en', { LANG: 'th_TH.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, { LANG: 'th_TH.UTF-8' })).toBe('th');
    expect(resolveLang(undefined, { LANG: 'C.UTF-8' })).toBe('en');
    expect(resolveLang('xx', undefined)).toBe('en');
  });
});

describe('displayWidth', () => {
  it('does not count Thai vowel and tone marks', () => {
    expect(displayWidth('ข้อมูล')).toBe(4);
    expect(displayWidth('ทำ')).toBe(2); // sara am takes a column
    expect(padEndDisplay('ผู้', 3)).toBe('ผู้  ');
  });
});
