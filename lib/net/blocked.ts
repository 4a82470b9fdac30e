/** The error a policy refusal travels in, through fetch implementations that wrap their causes. */
import type { AddressRefusal } from './network-policy';

const BLOCKED_CODE = 'ITA_BLOCKED_ADDRESS';

export class BlockedAddressError extends Error {
  readonly code = BLOCKED_CODE;
  constructor(readonly refusal: AddressRefusal) {
    super(`blocked address ${refusal.address ?? refusal.host} (${refusal.reason})`);
  }
}

/** The refusal carried by an error or any of its causes (fetch wraps connect errors). */
export function blockedRefusal(e: unknown): AddressRefusal | null {
  for (let c: unknown = e, depth = 0; c && depth < 5; c = (c as { cause?: unknown }).cause, depth++) {
    if (c instanceof BlockedAddressError) return c.refusal;
  }
  return null;
}
