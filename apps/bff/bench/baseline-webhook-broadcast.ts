import http from 'node:http';
import { Server } from 'socket.io';

/**
 * The socket-load benchmark's baseline: a bare socket.io server that takes a JSON array of events over HTTP and
 * emits them to every client as one `log:entries` message, shaped like the BFF's, with no signature, validation,
 * storage, log or rooms. Its own process, like the BFF. Prints "ready <port>" when listening.
 */
let seq = 0;
const server = http.createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const events = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown[];
    const ts = new Date().toISOString();
    io.emit(
      'log:entries',
      events.map((data) => ({ seq: ++seq, ts, topic: 'event.new', areaId: null, data })),
    );
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
const io = new Server(server, { serveClient: false });
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => {
  void io.close();
  process.exit(0);
});
