import { flagStoreSuite } from './support/flag-store-suite.ts';

flagStoreSuite('sqlite');
