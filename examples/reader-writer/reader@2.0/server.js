import { startReader } from '../lib/reader-server.js';

startReader({ version: '2.0', mediaTypes: ['application/json'] });
