import net from 'node:net';

/** The machine's own PostgreSQL, where the benchmarks that need one look when DATABASE_URL is not set. */
export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * DATABASE_URL if set; else the local PostgreSQL if something listens on its port (within a second); else null,
 * and the caller says it skipped.
 */
export async function benchDatabaseUrl(): Promise<string | null> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const open = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: 5432 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
  return open ? LOCAL_POSTGRES_URL : null;
}
