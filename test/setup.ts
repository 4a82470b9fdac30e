// Must run before Dexie is imported anywhere.
import 'fake-indexeddb/auto';
