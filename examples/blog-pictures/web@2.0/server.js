import { startWeb } from '../lib/web-server.js';

startWeb({ version: '2.0', reads: 'blocks' });
