import { openDb, type ItaDb } from '../lib/storage/db';

let db: ItaDb | null = null;

/** Extension pages share one Dexie handle; content scripts never open the database. */
export function getDb(): ItaDb {
  db ??= openDb();
  return db;
}
