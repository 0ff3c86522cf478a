import { startPosts } from '../lib/posts-server.js';

startPosts({ version: '2.0', shape: 'blocks' });
