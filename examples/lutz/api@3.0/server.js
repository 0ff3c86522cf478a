import { startApi } from '../lib/api-server.js';

startApi({ version: '3.0', enqueue: true, readFromStore: true });
