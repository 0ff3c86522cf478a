import { startPosts } from '../lib/posts-server.js';

startPosts({ version: '1.0', shape: 'plain' });
