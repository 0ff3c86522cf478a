import { startPrices } from './prices-server.js';

startPrices({ version: '1.0' });
