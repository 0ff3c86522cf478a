// The web front end: GET /posts/:id renders a post as HTML from the posts API. Versions 2.x add
// POST /posts/:id/pictures { name, data (base64) }: upload to the media store, attach to the post.
// Version 2.1 offers the upload only while the blog-pictures flag is on.
import { createServer } from 'node:http';
import { call, listen, readJson, send } from '../../lib/http.js';
import { flagOn } from './flag.js';

const POSTS = process.env.POSTS_URL ?? 'http://127.0.0.1:4441';
const MEDIA = process.env.MEDIA_URL ?? 'http://127.0.0.1:4442';

export function startWeb({ version, reads, uploadFlag }) {
  const html = (post) => {
    const text = reads === 'blocks' ? post.blocks.filter((b) => b.text).map((b) => b.text) : [post.body];
    const pictures = (reads === 'blocks' ? post.blocks.filter((b) => b.url) : post.pictures ?? []).map((p) => `<img src="${p.url}">`);
    return `<h1>${post.title}</h1>${text.map((t) => `<p>${t}</p>`).join('')}${pictures.join('')}`;
  };
  const server = createServer(async (req, res) => {
    if (req.url === '/healthz') return send(res, 200, { ok: true });
    const match = /^\/posts\/([\w-]+)(\/pictures)?$/.exec(req.url ?? '');
    if (!match) return send(res, 404, { error: 'try GET /posts/hello' });
    if (req.method === 'POST' && match[2]) {
      const uploads = reads !== 'body' && (uploadFlag === undefined || (await flagOn(uploadFlag)));
      if (!uploads) return send(res, 404, { error: `web@${version}: picture uploads are not available` });
      const upload = await call(`${MEDIA}/pictures`, { method: 'POST', body: JSON.stringify(await readJson(req)) });
      if (upload?.status !== 201) return send(res, 502, { error: 'the media store did not take the picture' });
      const attached = await call(`${POSTS}/posts/${match[1]}/pictures`, { method: 'POST', body: JSON.stringify({ pictureId: upload.body.pictureId }) });
      return send(res, attached?.status ?? 502, attached?.body ?? { error: 'the posts API is away' });
    }
    const post = await call(`${POSTS}/posts/${match[1]}`);
    if (post?.status !== 200) return send(res, post?.status ?? 502, post?.body ?? { error: 'the posts API is away' });
    try {
      res.writeHead(200, { 'content-type': 'text/html' }).end(html(post.body) + '\n');
    } catch {
      // the shape this version reads is not what the posts API answered: the lock-step failure users see
      send(res, 500, { error: `web@${version} cannot render this post` });
    }
  });
  listen(server);
}
