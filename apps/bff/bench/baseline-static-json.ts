import fs from 'node:fs';
import http from 'node:http';

/**
 * The REST benchmark's baseline: a bare node:http server answering each path with fixed JSON bytes (the same
 * bodies the BFF answered), with no middleware, session, database or serialization. Its own process, like the
 * BFF. argv[2] is a JSON file mapping path → body. Prints "ready <port>" when listening.
 */
const bodies = new Map(
  Object.entries(JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Record<string, string>).map(
    ([p, body]) => [p, Buffer.from(body)],
  ),
);
const server = http.createServer((req, res) => {
  const body = bodies.get((req.url ?? '').split('?')[0]!);
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
