/**
 * Device health: what watching every camera's picture costs, and how fast the devices table answers at scale.
 *
 * 1. Per snapshot, CPU time of the image check (decode, measure, judge) against the baseline of merely decoding
 *    the same JPEG, and of the simulator rendering it; from it, how many cameras one core can watch per interval.
 * 2. GET /api/devices (cameras, edge boxes, servers with readings and open faults) against GET /api/cameras for
 *    the same province, on the real server (PGlite): the table's one request at 10,000 cameras.
 *
 * Run alone: node --import tsx apps/bff/bench/device-health.bench.ts (BENCH_QUICK=1: fewer samples, 2,000 cameras)
 */
import sharp from 'sharp';
import { fmt, percentile, ratio } from '@c2/bench-kit/stats';
import { table, writeBenchSection } from '@c2/bench-kit/report';
import { createSimSnapshots } from '../src/upstreams/vms/sim/sim-snapshots';
import { judgeFrame, measureFrame } from '../src/components/devices/domain/image-quality';
import { startServer } from '../src/server';
import { seedCode } from './bench-bff';

const QUICK = process.env.BENCH_QUICK === '1';
const SAMPLES = QUICK ? 60 : 300;
const CAMERAS = QUICK ? 2000 : 10_000;
const REQUESTS = QUICK ? 8 : 20;

/** CPU milliseconds (all threads of the process, libvips included) per call of `fn`, over `n` calls. */
async function cpuPer(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await fn(i);
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn(i);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / n;
}

async function imageCosts() {
  const sim = createSimSnapshots('bench', (id) => id.toUpperCase());
  const t0 = Date.UTC(2026, 10, 23, 3, 0, 0);
  const frames: Buffer[] = [];
  const render = await cpuPer(SAMPLES, async (i) => {
    frames.push((await sim.render(`cam-${i % 50}`, t0 + i * 1000, null))!);
  });
  const decode = await cpuPer(SAMPLES, (i) =>
    sharp(frames[i % frames.length]!)
      .raw()
      .toBuffer(),
  );
  const base = await measureFrame(frames[0]!);
  const ctx = {
    previous: base.signature,
    reference: base.signature,
    sharpnessBaseline: base.sharpness,
    checkScene: true,
  };
  const check = await cpuPer(SAMPLES, async (i) =>
    judgeFrame(await measureFrame(frames[i % frames.length]!), ctx),
  );
  return { render, decode, check };
}

async function listLatency() {
  const server = await startServer({
    env: {},
    config: {
      port: 0,
      host: '127.0.0.1',
      pgliteDir: 'memory://',
      logLevel: 'silent',
      simCameras: CAMERAS,
      simUnits: 0,
      simEventsPerMinute: 0,
      simFaults: true,
      consoleDist: '/nonexistent',
      seedPassword: 'Bench-password-1',
      deviceQualityMaxPerSecond: 0,
    },
  });
  try {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Bench-password-1', code: seedCode() }),
    });
    if (!res.ok) throw new Error(`bench login answered ${res.status}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const time = async (path: string) => {
      const ms: number[] = [];
      let rows = 0;
      let bytes = 0;
      for (let i = 0; i < REQUESTS + 2; i++) {
        const t = performance.now();
        const r = await fetch(`${server.url}${path}`, { headers: { cookie } });
        const body = await r.text();
        if (!r.ok) throw new Error(`GET ${path} answered ${r.status}: ${body.slice(0, 200)}`);
        if (i >= 2) ms.push(performance.now() - t);
        rows = (JSON.parse(body) as unknown[]).length;
        bytes = body.length;
      }
      return { p50: percentile(ms, 50), p95: percentile(ms, 95), rows, bytes };
    };
    return { cameras: await time('/api/cameras'), devices: await time('/api/devices') };
  } finally {
    await server.stop();
  }
}

const img = await imageCosts();
const list = await listLatency();
const perCoreAt60s = (60_000 / (img.render + img.check)) | 0;

const body = [
  `Image checks, CPU per snapshot (${SAMPLES} samples; all threads of the process):`,
  '',
  table(
    ['step', 'CPU ms', 'vs decoding the JPEG'],
    [
      ['baseline: decode the 480×270 JPEG only', fmt(img.decode, 2), '1.00×'],
      ['image check (decode at ½, measure, judge)', fmt(img.check, 2), ratio(img.check, img.decode)],
      ['simulator renders the snapshot', fmt(img.render, 2), ratio(img.render, img.decode)],
    ],
  ),
  '',
  `One core renders and checks about **${perCoreAt60s.toLocaleString('en')} cameras per 60 s interval** in embedded mode ` +
    `(a real VMS renders nothing: checks alone, ${((60_000 / img.check) | 0).toLocaleString('en')}). ` +
    `The province's 400 cameras at 60 s cost ${fmt(((img.render + img.check) * 400) / 600, 1)}% of one core.`,
  '',
  `Devices table request at ${CAMERAS.toLocaleString('en')} cameras (PGlite, ${REQUESTS} requests after 2 warm-ups):`,
  '',
  table(
    ['request', 'rows', 'KB', 'p50 ms', 'p95 ms', 'p50 vs camera list'],
    [
      [
        'baseline: GET /api/cameras',
        String(list.cameras.rows),
        fmt(list.cameras.bytes / 1024, 0),
        fmt(list.cameras.p50),
        fmt(list.cameras.p95),
        '1.00×',
      ],
      [
        'GET /api/devices',
        String(list.devices.rows),
        fmt(list.devices.bytes / 1024, 0),
        fmt(list.devices.p50),
        fmt(list.devices.p95),
        ratio(list.devices.p50, list.cameras.p50),
      ],
    ],
  ),
  '',
  'The table then filters and sorts in the browser (device-table-model.ts) and renders only the rows in view.',
].join('\n');

writeBenchSection({
  id: 'device-health',
  title: 'Device health: image checks and the devices table',
  command: 'node --import tsx apps/bff/bench/device-health.bench.ts',
  body,
});
