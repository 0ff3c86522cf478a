// Small HTTP helpers shared by the examples' services (no dependencies).
export function readJson(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      try {
        resolve(body === '' ? undefined : JSON.parse(body));
      } catch (error) {
        reject(error);
      }
    });
  });
}

export function send(res, status, value) {
  if (value === undefined) return void res.writeHead(status).end();
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value) + '\n');
}

/** Calls another service; resolves to undefined when it is not there (not deployed yet). */
export async function call(url, init = {}) {
  try {
    const response = await fetch(url, {
      ...init,
      headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
      signal: AbortSignal.timeout(2000),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  } catch {
    return undefined;
  }
}

export function listen(server) {
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
