import { startReader } from '../lib/reader-server.js';

startReader({ version: '1.1', mediaTypes: ['application/xml', 'application/json'] });
