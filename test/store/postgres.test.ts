import { storeSuite } from './store-suite.ts';

// Runs against a fresh database on the real PostgreSQL; fails (never skips) when it is not there.
storeSuite('postgres');
