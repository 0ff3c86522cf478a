import { flagApiSuite } from './support/flag-api-suite.ts';

// A fresh database on the real PostgreSQL; fails (never skips) when it is not there.
flagApiSuite('postgres');
