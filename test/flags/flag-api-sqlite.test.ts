import { flagApiSuite } from './support/flag-api-suite.ts';

flagApiSuite('sqlite');
