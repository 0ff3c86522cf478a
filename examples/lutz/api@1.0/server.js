import { startApi } from '../lib/api-server.js';

startApi({ version: '1.0' });
