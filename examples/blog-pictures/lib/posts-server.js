// The posts API: GET /posts/:id. Shapes by version:
//   1.0  { id, title, body }
//   2.0  { id, title, blocks: [{ text } | { pictureId, url }] }   (body gone: breaks web@1.0)
//   2.1  { id, title, body, pictures?: [{ pictureId, url }] }     (expand: optional field)
// Versions 2.x attach pictures with POST /posts/:id/pictures { pictureId }, checked with the media store.
import { createServer } from 'node:http';
import { call, listen, readJson, send } from '../../lib/http.js';

const MEDIA = process.env.MEDIA_URL ?? 'http://127.0.0.1:4442';
const posts = new Map([['hello', { id: 'hello', title: 'Hello, world', body: 'Our first post.', pictures: [] }]]);

export function startPosts({ version, shape }) {
  const render = (post) => {
    if (shape === 'blocks') return { id: post.id, title: post.title, blocks: [{ text: post.body }, ...post.pictures] };
    if (shape === 'optional-pictures' && post.pictures.length > 0) return { id: post.id, title: post.title, body: post.body, pictures: post.pictures };
    return { id: post.id, title: post.title, body: post.body };
  };
  const server = createServer(async (req, res) => {
    if (req.url === '/healthz') return send(res, 200, { ok: true });
    const match = /^\/posts\/([\w-]+)(\/pictures)?$/.exec(req.url ?? '');
    const post = match && posts.get(match[1]);
    if (!post) return send(res, 404, { error: 'try GET /posts/hello' });
    if (req.method === 'GET' && !match[2]) return send(res, 200, render(post));
    if (req.method === 'POST' && match[2] && shape !== 'plain') {
      const { pictureId } = (await readJson(req).catch(() => undefined)) ?? {};
      const picture = typeof pictureId === 'string' ? await call(`${MEDIA}/pictures/${pictureId}/meta`) : undefined;
      if (picture?.status !== 200) return send(res, 422, { error: `no picture ${pictureId} in the media store` });
      post.pictures.push(picture.body);
      return send(res, 201, render(post));
    }
    send(res, 405, { error: `posts@${version} does not do that` });
  });
  listen(server);
}
