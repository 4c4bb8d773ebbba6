/**
 * Video-wall benchmark: our wall (LivePlayer, /wall?cameras=…) against a page of N bare hls.js players with default
 * settings on the same streams of the embedded origin, in the same headless Chromium, in the same run.
 *
 *   node --import tsx e2e/bench/video-wall.bench.ts            # full: 60 s per measurement, 10-minute soak
 *   BENCH_QUICK=1 node --import tsx e2e/bench/video-wall.bench.ts   # quick check: a couple of minutes
 *
 * Per N (4, 9, 16): dropped frames (getVideoPlaybackQuality, over the measurement window), time to first frame
 * (player created → first frame presented), live latency (now − programme date-time on screen), sampled each
 * second; then at N = 16 a soak of the renderer's memory (RSS of the page's renderer processes and JS heap), whose
 * growth trend is the least-squares slope. Ours ÷ baseline as ratios. Needs the console built (it builds it if not).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { Camera } from '@c2/api-client/schemas/camera';
import { streamUrls } from '@c2/api-client/schemas/stream';
import { fmt, percentile, ratio, slope } from '@c2/bench-kit/stats';
import { REPO_ROOT, table, writeBenchSection } from '@c2/bench-kit/report';

const QUICK = process.env.BENCH_QUICK === '1';
const PORT = Number(process.env.BENCH_PORT ?? 8203);
const BASE = `http://127.0.0.1:${PORT}`;
const SIZES = [4, 9, 16] as const;
const WARMUP_MS = QUICK ? 4_000 : 10_000;
const MEASURE_MS = QUICK ? 8_000 : 60_000;
/** BENCH_SOAK_MINUTES overrides the soak's length (e.g. a quick run with a longer memory soak). */
const SOAK_MS = process.env.BENCH_SOAK_MINUTES
  ? Number(process.env.BENCH_SOAK_MINUTES) * 60_000
  : QUICK
    ? 30_000
    : 600_000;
const SOAK_SAMPLE_MS = QUICK ? 5_000 : 15_000;
/** Buffers fill and code warms up in the first seconds; the trend is read after that. */
const SOAK_WARMUP_MS = QUICK ? 15_000 : 60_000;
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
];

const log = (m: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);

async function startBff(): Promise<ChildProcess> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'apps/console/dist/index.html'))) {
    log('building the console…');
    const b = spawnSync('pnpm', ['--filter', '@c2/console', 'run', 'build'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
    if (b.status !== 0) throw new Error('console build failed');
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/bff/src/main.ts'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      PGLITE_DIR: 'memory://',
      DATABASE_URL: '',
      REDIS_URL: '',
      MQTT_URL: '',
      SIM_FAULTS: 'false',
      SIM_EVENTS_PER_MINUTE: '0',
      // Every opening audited, for both pages alike (otherwise the second page to open a camera skips the write).
      STREAM_AUDIT_WINDOW_SECONDS: '0',
      LOG_LEVEL: 'warn',
    },
  });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    try {
      const r = (await (await fetch(`${BASE}/readyz`)).json()) as { checks?: { video?: { detail: string } } };
      if (r.checks?.video?.detail.includes('ready')) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  child.kill();
  throw new Error('BFF did not become ready with video within 3 minutes');
}

/** Resident memory (MB) of the renderer processes under the browser's process. */
function rendererRssMb(browserPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  let kb = 0;
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      try {
        const cmd = fs.readFileSync(`/proc/${c}/cmdline`, 'utf8');
        if (cmd.includes('--type=renderer')) {
          const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${c}/status`, 'utf8'));
          kb += m ? Number(m[1]) : 0;
        }
      } catch {
        // gone
      }
      walk(c);
    }
  };
  walk(browserPid);
  return kb / 1024;
}

function baselineHtml(ids: readonly string[]): string {
  const cols = Math.ceil(Math.sqrt(ids.length));
  return `<!doctype html><html><head><meta charset="utf-8"><title>baseline</title>
<style>html,body{margin:0;height:100%;background:#000}#g{display:grid;height:100vh;gap:4px;grid-template-columns:repeat(${cols},1fr);grid-template-rows:repeat(${cols},1fr)}video{width:100%;height:100%;min-height:0;object-fit:contain;background:#000}</style>
</head><body><div id="g">${ids.map((id) => `<video muted autoplay playsinline data-camera-id="${id}"></video>`).join('')}</div>
<script src="/bench/hls.min.js"></script><script>
window.__bench = [];
for (const v of document.querySelectorAll('video')) {
  const entry = { video: v, created: performance.now(), firstFrame: null, hls: null };
  v.requestVideoFrameCallback(() => { entry.firstFrame = performance.now() - entry.created; });
  const hls = new Hls();
  entry.hls = hls;
  hls.loadSource(${JSON.stringify(streamUrls.live('__ID__', 'sub'))}.replace('__ID__', encodeURIComponent(v.dataset.cameraId)));
  hls.attachMedia(v);
  hls.on(Hls.Events.MANIFEST_PARSED, () => v.play().catch(() => {}));
  window.__bench.push(entry);
}
</script></body></html>`;
}

interface Sample {
  firstFrameMs: (number | null)[];
  latencyMs: number[];
  dropped: number;
  total: number;
  playing: number;
}

/** Per video: dropped and total frames, first-frame time, latency now (null where not known). */
async function probe(page: Page, kind: 'ours' | 'baseline') {
  // No named function inside: tsx's transform would reference a helper the page does not have.
  return page.evaluate((k) => {
    if (k === 'baseline') {
      const b = (
        window as unknown as {
          __bench: {
            video: HTMLVideoElement;
            firstFrame: number | null;
            hls: { playingDate: Date | null };
          }[];
        }
      ).__bench;
      return b.map((e) => ({
        dropped: e.video.getVideoPlaybackQuality().droppedVideoFrames,
        total: e.video.getVideoPlaybackQuality().totalVideoFrames,
        firstFrame: e.firstFrame,
        latency: e.hls.playingDate ? Date.now() - e.hls.playingDate.getTime() : null,
        time: e.video.currentTime,
      }));
    }
    return Array.from(document.querySelectorAll<HTMLElement>('[data-testid$="-player"]')).map((p) => {
      const v = p.querySelector('video')!;
      return {
        dropped: v.getVideoPlaybackQuality().droppedVideoFrames,
        total: v.getVideoPlaybackQuality().totalVideoFrames,
        firstFrame: p.dataset.firstFrameMs ? Number(p.dataset.firstFrameMs) : null,
        latency: p.dataset.latencyMs ? Number(p.dataset.latencyMs) : null,
        time: v.currentTime,
      };
    });
  }, kind);
}

async function openWall(
  context: BrowserContext,
  kind: 'ours' | 'baseline',
  ids: readonly string[],
): Promise<Page> {
  const page = await context.newPage();
  if (kind === 'ours') {
    const grid = ids.length <= 4 ? '2x2' : ids.length <= 9 ? '3x3' : '4x4';
    await page.goto(`${BASE}/wall?cameras=${ids.join(',')}&grid=${grid}`);
  } else {
    await page.goto(`${BASE}/bench/baseline.html`);
  }
  return page;
}

async function measure(
  context: BrowserContext,
  kind: 'ours' | 'baseline',
  ids: readonly string[],
): Promise<Sample> {
  const page = await openWall(context, kind, ids);
  await page.waitForTimeout(WARMUP_MS);
  const start = await probe(page, kind);
  const latency: number[] = [];
  const t0 = Date.now();
  while (Date.now() - t0 < MEASURE_MS) {
    await page.waitForTimeout(1000);
    for (const p of await probe(page, kind)) if (p.latency !== null && p.latency > 0) latency.push(p.latency);
  }
  const end = await probe(page, kind);
  await page.close();
  let dropped = 0;
  let total = 0;
  for (const [i, e] of end.entries()) {
    dropped += e.dropped - (start[i]?.dropped ?? 0);
    total += e.total - (start[i]?.total ?? 0);
  }
  return {
    firstFrameMs: end.map((e) => e.firstFrame),
    latencyMs: latency,
    dropped,
    total,
    playing: end.filter((e, i) => e.time > (start[i]?.time ?? 0) + 1).length,
  };
}

async function soak(
  context: BrowserContext,
  browserPid: number,
  kind: 'ours' | 'baseline',
  ids: readonly string[],
) {
  const page = await openWall(context, kind, ids);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.waitForTimeout(SOAK_WARMUP_MS);
  const minutes: number[] = [];
  const rss: number[] = [];
  const heap: number[] = [];
  const t0 = Date.now();
  while (Date.now() - t0 <= SOAK_MS) {
    const m = (await cdp.send('Performance.getMetrics')).metrics;
    heap.push((m.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20);
    rss.push(rendererRssMb(browserPid));
    minutes.push((Date.now() - t0) / 60_000);
    await page.waitForTimeout(SOAK_SAMPLE_MS);
  }
  const playing = (await probe(page, kind)).filter((p) => p.time > 0).length;
  await page.close();
  return {
    rssStart: rss[0]!,
    rssEnd: rss.at(-1)!,
    rssSlope: slope(minutes, rss),
    heapStart: heap[0]!,
    heapEnd: heap.at(-1)!,
    heapSlope: slope(minutes, heap),
    playing,
  };
}

async function main(): Promise<void> {
  log(
    `video-wall benchmark (${QUICK ? 'quick' : 'full'}): warm-up ${WARMUP_MS / 1000} s, measure ${MEASURE_MS / 1000} s, soak ${SOAK_MS / 60_000} min`,
  );
  const bff = await startBff();
  const server = await chromium.launchServer({ executablePath: CHROME, args: FLAGS });
  const browserPid = server.process().pid!;
  let browser: Browser | null = null;
  try {
    browser = await chromium.connect(server.wsEndpoint());
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'vi-VN' });
    const login = await context.request.post(`${BASE}/api/auth/login`, {
      data: { username: 'operator', password: process.env.SEED_PASSWORD ?? 'BacNinh@2026' },
    });
    if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
    const cameras = (await (await context.request.get(`${BASE}/api/cameras`)).json()) as Camera[];
    const ids = cameras.filter((c) => c.status.state === 'online').map((c) => c.id);
    const hlsJs = fs.readFileSync(path.join(REPO_ROOT, 'packages/ui/node_modules/hls.js/dist/hls.min.js'));
    await context.route(`${BASE}/bench/hls.min.js`, (r) =>
      r.fulfill({ body: hlsJs, contentType: 'text/javascript' }),
    );

    const rows: string[][] = [];
    const results: Record<number, { ours: Sample; baseline: Sample }> = {};
    for (const n of SIZES) {
      const chosen = ids.slice(0, n);
      await context.unroute(`${BASE}/bench/baseline.html`).catch(() => undefined);
      await context.route(`${BASE}/bench/baseline.html`, (r) =>
        r.fulfill({ body: baselineHtml(chosen), contentType: 'text/html' }),
      );
      // Alternate which page goes first, so neither always meets a warmer server.
      const order = n === 9 ? (['baseline', 'ours'] as const) : (['ours', 'baseline'] as const);
      const got: Partial<Record<'ours' | 'baseline', Sample>> = {};
      for (const kind of order) {
        log(`N=${n}: ${kind}`);
        got[kind] = await measure(context, kind, chosen);
      }
      const ours = got.ours!;
      const baseline = got.baseline!;
      results[n] = { ours, baseline };
      const pct = (s: Sample) => (s.total > 0 ? (100 * s.dropped) / s.total : Number.NaN);
      const ff = (s: Sample, p: number) =>
        percentile(
          s.firstFrameMs.filter((x): x is number => x !== null),
          p,
        );
      const lat = (s: Sample, p: number) => percentile(s.latencyMs, p) / 1000;
      for (const [name, s] of [
        ['ours', ours],
        ['bare hls.js', baseline],
      ] as const) {
        rows.push([
          String(n),
          name,
          `${s.playing}/${n}`,
          fmt(pct(s), 2),
          fmt(ff(s, 50), 0),
          fmt(ff(s, 95), 0),
          fmt(lat(s, 50), 2),
          fmt(lat(s, 95), 2),
        ]);
      }
      rows.push([
        String(n),
        '**ours ÷ baseline**',
        '',
        ratio(pct(ours), pct(baseline)),
        ratio(ff(ours, 50), ff(baseline, 50)),
        ratio(ff(ours, 95), ff(baseline, 95)),
        ratio(lat(ours, 50), lat(baseline, 50)),
        ratio(lat(ours, 95), lat(baseline, 95)),
      ]);
      log(
        `N=${n}: dropped ${fmt(pct(ours), 2)}% vs ${fmt(pct(baseline), 2)}%, latency p95 ${fmt(lat(ours, 95), 2)} s vs ${fmt(lat(baseline, 95), 2)} s, first frame p95 ${fmt(ff(ours, 95), 0)} ms vs ${fmt(ff(baseline, 95), 0)} ms`,
      );
    }

    const n = 16;
    const chosen = ids.slice(0, n);
    await context.unroute(`${BASE}/bench/baseline.html`).catch(() => undefined);
    await context.route(`${BASE}/bench/baseline.html`, (r) =>
      r.fulfill({ body: baselineHtml(chosen), contentType: 'text/html' }),
    );
    log(`soak N=16 ${SOAK_MS / 60_000} min: ours`);
    const soakOurs = await soak(context, browserPid, 'ours', chosen);
    log(`soak N=16 ${SOAK_MS / 60_000} min: baseline`);
    const soakBase = await soak(context, browserPid, 'baseline', chosen);

    const s16 = results[16]!.ours;
    const dropped16 = s16.total > 0 ? (100 * s16.dropped) / s16.total : Number.NaN;
    const lat95 = percentile(s16.latencyMs, 95) / 1000;
    const ff95 = percentile(
      s16.firstFrameMs.filter((x): x is number => x !== null),
      95,
    );
    const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
    const body = [
      `Our wall (\`/wall?cameras=…\`, LivePlayer: ≈1.8 s behind the live edge, 4 s buffers, stall recovery) against N bare`,
      `hls.js ${'players'} with default settings on the same sub streams (640×360, 15 fps, 1 s segments) of the embedded origin,`,
      `one after the other in the same headless Chromium (SwiftShader, no GPU) at 1600×900. ${QUICK ? '**Quick mode**: short measurement windows — indicative only.' : ''}`,
      `Warm-up ${WARMUP_MS / 1000} s, then ${MEASURE_MS / 1000} s measured per row; latency sampled every second per tile.`,
      '',
      table(
        [
          'N',
          'player',
          'playing',
          'dropped %',
          'first frame p50 ms',
          'first frame p95 ms',
          'latency p50 s',
          'latency p95 s',
        ],
        rows,
      ),
      '',
      `Renderer memory over a ${SOAK_MS / 60_000}-minute soak at N = 16 after ${SOAK_WARMUP_MS / 1000} s of warm-up (sampled every ${SOAK_SAMPLE_MS / 1000} s; slope = least-squares trend):`,
      '',
      table(
        [
          'player',
          'playing',
          'renderer RSS start → end MB',
          'RSS slope MB/min',
          'JS heap start → end MB',
          'heap slope MB/min',
        ],
        [
          [
            'ours',
            `${soakOurs.playing}/16`,
            `${fmt(soakOurs.rssStart, 0)} → ${fmt(soakOurs.rssEnd, 0)}`,
            fmt(soakOurs.rssSlope, 2),
            `${fmt(soakOurs.heapStart, 1)} → ${fmt(soakOurs.heapEnd, 1)}`,
            fmt(soakOurs.heapSlope, 3),
          ],
          [
            'bare hls.js',
            `${soakBase.playing}/16`,
            `${fmt(soakBase.rssStart, 0)} → ${fmt(soakBase.rssEnd, 0)}`,
            fmt(soakBase.rssSlope, 2),
            `${fmt(soakBase.heapStart, 1)} → ${fmt(soakBase.heapEnd, 1)}`,
            fmt(soakBase.heapSlope, 3),
          ],
          [
            '**ours ÷ baseline**',
            '',
            `${ratio(soakOurs.rssEnd, soakBase.rssEnd)} (end)`,
            '',
            `${ratio(soakOurs.heapEnd, soakBase.heapEnd)} (end)`,
            '',
          ],
        ],
      ),
      '',
      'Budgets (DESIGN.md) at 16 tiles, ours:',
      `- dropped frames < 5 %: ${fmt(dropped16, 2)} % — ${verdict(dropped16 < 5)}`,
      `- live latency ≤ 3 s (p95): ${fmt(lat95, 2)} s — ${verdict(lat95 <= 3)}`,
      `- first frame ≤ 1 s (p95): ${fmt(ff95, 0)} ms — ${verdict(ff95 <= 1000)}`,
      `- memory flat: renderer RSS trend ${fmt(soakOurs.rssSlope, 2)} MB/min, JS heap ${fmt(soakOurs.heapSlope, 3)} MB/min — ${verdict(soakOurs.rssSlope < 1 && soakOurs.heapSlope < 0.2)}`,
      '',
      `Machine load average at the end: ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (shared machine: absolute figures vary with it, the ratios less).`,
    ].join('\n');
    writeBenchSection({
      id: 'video-wall',
      title: 'Video wall: 4, 9, 16 live tiles, ours vs bare hls.js',
      command: `${QUICK ? 'BENCH_QUICK=1 ' : ''}${process.env.BENCH_SOAK_MINUTES ? `BENCH_SOAK_MINUTES=${process.env.BENCH_SOAK_MINUTES} ` : ''}node --import tsx e2e/bench/video-wall.bench.ts`,
      body,
    });
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close().catch(() => undefined);
    bff.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
