/**
 * A real ISO 8601 instant as the extension writes them (`Date#toISOString`, or with an offset):
 * `yyyy-mm-ddThh:mm[:ss[.fff]](Z|±hh:mm)`, every part in range. `Date.parse` alone accepts "1",
 * "2021" or "March 7" and rolls 30 February over to March, which would let a forged time win every
 * "newer than" comparison.
 */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 40) return false;
  const m = INSTANT.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi, s = '0', oh = '0', om = '0']: (string | undefined)[] = m.slice(1);
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d))
    return false;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59 || Number(oh) > 23 || Number(om) > 59) return false;
  return !Number.isNaN(Date.parse(value));
}
