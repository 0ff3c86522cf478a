import { startWriter } from '../lib/writer-server.js';

startWriter({ version: '1.0', mediaType: 'application/xml' });
