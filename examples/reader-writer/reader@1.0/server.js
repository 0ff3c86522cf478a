import { startReader } from '../lib/reader-server.js';

startReader({ version: '1.0', mediaTypes: ['application/xml'] });
