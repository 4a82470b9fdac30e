/** An item code: a framework prefix and a number, e.g. O5, O43, IT12. */
export const ITEM_CODE_RE = /^[A-Z]{1,3}\d{1,3}$/;
