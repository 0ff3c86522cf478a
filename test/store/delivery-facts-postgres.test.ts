import { deliveryFactsSuite } from './delivery-facts-suite.ts';

// A fresh database on the real PostgreSQL; fails (never skips) when it is not there.
deliveryFactsSuite('postgres');
