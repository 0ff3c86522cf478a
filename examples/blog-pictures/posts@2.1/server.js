import { startPosts } from '../lib/posts-server.js';

startPosts({ version: '2.1', shape: 'optional-pictures' });
