import { startWeb } from '../lib/web-server.js';

startWeb({ version: '1.0', reads: 'body' });
