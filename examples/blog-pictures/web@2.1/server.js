import { startWeb } from '../lib/web-server.js';

startWeb({ version: '2.1', reads: 'optional-pictures', uploadFlag: 'blog-pictures' });
