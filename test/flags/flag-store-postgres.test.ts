import { flagStoreSuite } from './support/flag-store-suite.ts';

// A fresh database on the real PostgreSQL; fails (never skips) when it is not there.
flagStoreSuite('postgres');
