import { startWriter } from '../lib/writer-server.js';

startWriter({ version: '2.0', mediaType: 'application/json' });
