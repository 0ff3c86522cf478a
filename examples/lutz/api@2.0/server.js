import { startApi } from '../lib/api-server.js';

startApi({ version: '2.0', enqueue: true });
