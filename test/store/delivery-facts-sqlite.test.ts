import { deliveryFactsSuite } from './delivery-facts-suite.ts';

deliveryFactsSuite('sqlite');
