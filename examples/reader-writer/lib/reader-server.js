// The Reader: GET /totals adds up every stored report it can read, and fails when the store holds
// a report in a format this version does not understand.
import { createServer } from 'node:http';
import { readReports } from './report-files.js';

export function startReader({ version, mediaTypes }) {
  const server = createServer((req, res) => {
    if (req.url === '/healthz') return void res.writeHead(200).end('ok');
    const { reports, unreadable } = readReports(mediaTypes);
    if (unreadable.length > 0) {
      res.writeHead(500, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ error: `reader@${version} cannot read ${unreadable.join(', ')}`, reads: mediaTypes }));
    }
    const total = reports.reduce((sum, report) => sum + report.total, 0);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ reports: reports.length, total, by: `reader@${version}` }));
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
