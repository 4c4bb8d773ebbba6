import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  /** Quoted-printable soft breaks removed, so a long link reads in one piece. */
  text: string;
  at: number;
}

/** A real SMTP server (npm smtp-server) on port 0 that keeps what it receives. */
export async function startSmtpPeer() {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to trust in a test.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          text: raw.replace(/=\r?\n/g, ''),
          at: Date.now(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface GatewayCall {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
  at: number;
}

/**
 * Local HTTP servers standing in for the SMS gateway and Zalo's ZNS endpoint: they record every call and answer as
 * the real ones do. `failNext` makes the next calls on a path fail with a 503, to exercise retries.
 */
export async function startGatewayPeer() {
  const calls: GatewayCall[] = [];
  const failures = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const left = failures.get(path) ?? 0;
      if (left > 0) {
        failures.set(path, left - 1);
        res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
        return;
      }
      calls.push({
        path,
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>,
        at: Date.now(),
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        path.startsWith('/zalo')
          ? JSON.stringify({ error: 0, message: 'Success', data: { msg_id: `z-${calls.length}` } })
          : JSON.stringify({ id: `sms-${calls.length}` }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    smsUrl: `${base}/sms`,
    zaloUrl: `${base}/zalo`,
    calls,
    failNext(path: '/sms' | '/zalo', n: number) {
      failures.set(path, n);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
