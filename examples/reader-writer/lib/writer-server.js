// The Writer: POST /reports {id, total} stores a report in this version's media type.
import { createServer } from 'node:http';
import { writeReport } from './report-files.js';

export function startWriter({ version, mediaType }) {
  const server = createServer((req, res) => {
    if (req.url === '/healthz') return void res.writeHead(200).end('ok');
    if (req.method === 'POST' && req.url === '/reports') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        try {
          const { id, total } = JSON.parse(body);
          if (typeof id !== 'string' || typeof total !== 'number') throw new Error('expected {"id": string, "total": number}');
          writeReport({ id, total }, mediaType);
          res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ stored: id, as: mediaType, by: `writer@${version}` }));
        } catch (error) {
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error.message }));
        }
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`writer@${version} stores ${mediaType}\n`);
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
