import { startPrices } from '../prices@1.0/prices-server.js';

// The bad release: one request in five fails.
startPrices({ version: '1.1', failureEvery: 5 });
