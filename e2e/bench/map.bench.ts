/**
 * Map benchmark: the operational map with 10,000 cameras and 500 field units reporting at 1 Hz, in headless
 * Chromium (SwiftShader WebGL), against the real BFF and its simulated province. Measures, in the same page, our
 * layers (binary attributes, in-place updates) and a naive build (new arrays of objects and function accessors on
 * every tick), alternating phases so both meet the same live feed and the same machine load.
 *
 * Per update (a batch of GPS fixes or of camera status changes reaching the map, until the frame showing it is
 * drawn), main-thread milliseconds = applying the batch to the map + building and handing over the layers +
 * drawing the frame. Also the p95 interval between animation frames while it runs.
 *
 *   node --import tsx e2e/bench/map.bench.ts          (about 4 minutes)
 *   BENCH_QUICK=1 node --import tsx e2e/bench/map.bench.ts   (about a minute)
 *
 * Needs the console built (`pnpm --filter @c2/console run build`) and Debian's Chromium.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { REPO_ROOT, table, writeBenchSection } from '@c2/bench-kit/report';
import { fmt, mean, percentile, ratio } from '@c2/bench-kit/stats';
import { totpNow } from '../fixtures/accounts';

const QUICK = process.env.BENCH_QUICK === '1';
const PORT = Number(process.env.BENCH_PORT ?? 8213);
const BASE = `http://127.0.0.1:${PORT}`;
const CAMERAS = 10_000;
const UNITS = 500;
const PHASE_MS = QUICK ? 8_000 : 30_000;
const ROUNDS = QUICK ? 1 : 2;
/** Camera status changes driven per second through the simulator (as a VMS reports faults coming and going). */
const FLIPS_PER_SECOND = 10;
const PASSWORD = 'Bench@Password-1';

/** What the map exposes to this script (window.__c2map, with `?bench`), and the meters installed here. */
interface BenchScene {
  map: { getCenter(): unknown; jumpTo(o: { center: unknown; zoom: number }): void };
  render(): void;
  applyUnitFrames(...args: unknown[]): void;
  setCameras(...args: unknown[]): void;
  setLayerBuilder(build: unknown): void;
  setOverlays(o: Record<string, boolean>): void;
}
interface BenchWindow {
  __c2map: {
    scene: BenchScene;
    naiveLayers?: unknown;
    cameraCount(): number;
    visibleCameraPoints(): { id: string }[];
  };
  __meter: Record<string, unknown>;
  __ours: unknown;
}

interface UpdateParts {
  kind: 'unit' | 'camera';
  apply: number;
  layers: number;
  draw: number;
}

interface PhaseResult {
  kind: 'ours' | 'naive';
  unitUpdates: number[];
  cameraUpdates: number[];
  parts: UpdateParts[];
  frameIntervals: number[];
  frameWork: number[];
}

async function startBff(): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'apps/bff/src/main.ts')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      PGLITE_DIR: 'memory://',
      DATABASE_URL: '',
      REDIS_URL: '',
      MQTT_URL: '',
      SIM_CAMERAS: String(CAMERAS),
      SIM_UNITS: String(UNITS),
      SIM_FAULTS: 'false',
      SIM_EVENTS_PER_MINUTE: '60',
      SEED_PASSWORD: PASSWORD,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error('BFF did not become ready');
    const ok = await fetch(`${BASE}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
}

/** Forces cameras offline and back through the simulator's drill API, as faults would. */
function startFlips(adminCookie: string, csrf: string, ids: string[]): () => void {
  let n = 0;
  const timer = setInterval(() => {
    for (let k = 0; k < FLIPS_PER_SECOND; k++) {
      const id = ids[n++ % ids.length]!;
      void fetch(`${BASE}/api/sim/cameras/${id}/status`, {
        method: 'POST',
        headers: { cookie: adminCookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ state: n % 2 === 0 ? 'offline' : 'degraded', seconds: 2 }),
      }).catch(() => undefined);
    }
  }, 1000);
  return () => clearInterval(timer);
}

async function login(username: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // Both roles here sign in with a TOTP code (MFA roles), as in the journeys.
    body: JSON.stringify({ username, password: PASSWORD, code: totpNow() }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return {
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
  };
}

/** Installs the meters in the page: wraps the scene's inputs and MapLibre's frame, and a rAF clock. */
async function instrument(page: Page): Promise<void> {
  // tsx compiles this file keeping function names (`__name(fn, "name")`); the page has no such helper.
  await page.evaluate('globalThis.__name = (fn) => fn');
  await page.evaluate(() => {
    type Update = { kind: 'unit' | 'camera'; apply: number; layers: number; draw: number; built: boolean };
    type Meter = {
      pending: { unit: Update | null; camera: Update | null };
      unitUpdates: number[];
      cameraUpdates: number[];
      parts: Update[];
      frameIntervals: number[];
      frameWork: number[];
      lastFrame: number;
    };
    const probe = (window as unknown as BenchWindow).__c2map;
    const scene = probe.scene;
    const meter: Meter = {
      pending: { unit: null, camera: null },
      unitUpdates: [],
      cameraUpdates: [],
      parts: [],
      frameIntervals: [],
      frameWork: [],
      lastFrame: 0,
    };
    (window as unknown as { __meter: Meter }).__meter = meter;
    const wrap = (name: 'applyUnitFrames' | 'setCameras', kind: 'unit' | 'camera') => {
      const original = scene[name].bind(scene) as (...args: unknown[]) => void;
      (scene as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        const t0 = performance.now();
        original(...args);
        const ms = performance.now() - t0;
        // Batches of one kind that meet before a frame is drawn are one update (the map coalesces them).
        const p = meter.pending[kind];
        meter.pending[kind] = {
          kind,
          apply: (p?.apply ?? 0) + ms,
          layers: p?.layers ?? 0,
          draw: 0,
          built: false,
        };
      };
    };
    wrap('applyUnitFrames', 'unit');
    wrap('setCameras', 'camera');
    // Building and handing over the layers (scene.render) and drawing the frame (MapLibre's _render, which draws
    // deck.gl interleaved) are both main-thread work of the update they follow.
    const render = scene.render.bind(scene);
    scene.render = () => {
      const t0 = performance.now();
      render();
      for (const p of [meter.pending.unit, meter.pending.camera]) {
        if (!p) continue;
        p.layers += performance.now() - t0;
        p.built = true;
      }
      meter.frameWork.push(performance.now() - t0);
    };
    const map = scene.map as unknown as { _render: (t: number) => unknown };
    const draw = map._render.bind(map);
    map._render = (t: number) => {
      const t0 = performance.now();
      const out = draw(t);
      const ms = performance.now() - t0;
      meter.frameWork[meter.frameWork.length - 1] = (meter.frameWork.at(-1) ?? 0) + ms;
      // The update is on screen at the first frame drawn after its layers were built.
      for (const kind of ['unit', 'camera'] as const) {
        const done = meter.pending[kind];
        if (!done?.built) continue;
        meter.pending[kind] = null;
        done.draw = ms;
        meter.parts.push(done);
        (kind === 'unit' ? meter.unitUpdates : meter.cameraUpdates).push(done.apply + done.layers + ms);
      }
      return out;
    };
    const tick = (ts: number) => {
      if (meter.lastFrame) meter.frameIntervals.push(ts - meter.lastFrame);
      meter.lastFrame = ts;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function phase(page: Page, kind: 'ours' | 'naive', ms: number): Promise<PhaseResult> {
  await page.evaluate((k) => {
    const w = window as unknown as BenchWindow;
    const m = w.__meter;
    w.__c2map.scene.setLayerBuilder(k === 'naive' ? w.__c2map.naiveLayers : w.__ours);
    m.pending = { unit: null, camera: null };
    m.unitUpdates = [];
    m.cameraUpdates = [];
    m.parts = [];
    m.frameIntervals = [];
    m.frameWork = [];
    m.lastFrame = 0;
  }, kind);
  await page.waitForTimeout(ms);
  const r = await page.evaluate(() => {
    const m = (window as unknown as { __meter: Omit<PhaseResult, 'kind'> }).__meter;
    return {
      unitUpdates: m.unitUpdates,
      cameraUpdates: m.cameraUpdates,
      parts: m.parts,
      frameIntervals: m.frameIntervals,
      frameWork: m.frameWork,
    };
  });
  return { kind, ...r };
}

async function main(): Promise<void> {
  const t0 = Date.now();
  process.stdout.write(`starting the BFF with ${CAMERAS} cameras and ${UNITS} units…\n`);
  const stopBff = await startBff();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-background-timer-throttling',
    ],
  });
  let stopFlips = () => undefined as void;
  try {
    const admin = await login('admin');
    const operator = await login('leader');
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'vi-VN' });
    await context.addCookies(
      operator.cookie.split('; ').map((c) => {
        const [name, ...value] = c.split('=');
        return { name: name!, value: value.join('='), url: BASE };
      }),
    );
    const page = await context.newPage();
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
    await page.goto(`${BASE}/map?bench`);
    await page.locator('[data-testid="map-canvas"][data-ready="true"]').waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => Boolean((window as unknown as BenchWindow).__c2map?.naiveLayers), null, {
      timeout: 30_000,
    });
    const count = await page.evaluate(() => (window as unknown as BenchWindow).__c2map.cameraCount());
    process.stdout.write(`map ready with ${count} cameras\n`);
    // City zoom over the province centre: every camera drawn on its own (no clusters), as the naive build does.
    await page.evaluate(() => {
      const w = window as unknown as BenchWindow;
      const probe = w.__c2map;
      // The scene's own builder, to switch back to after a naive phase.
      w.__ours = (probe.scene as unknown as { build: unknown }).build;
      const c = probe.scene.map.getCenter();
      probe.scene.map.jumpTo({ center: c, zoom: 13.2 });
      // Both builds draw the same things: cameras and units (no event pulses, alerts, cones or heatmap).
      probe.scene.setOverlays({ units: true, events: false, alerts: false, heatmap: false, cones: false });
    });
    await instrument(page);
    const ids = await page.evaluate(() =>
      (window as unknown as BenchWindow).__c2map
        .visibleCameraPoints()
        .slice(0, 400)
        .map((p) => p.id),
    );
    stopFlips = startFlips(admin.cookie, admin.csrf, ids);
    await page.waitForTimeout(3000);

    const results: PhaseResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of ['ours', 'naive'] as const) {
        process.stdout.write(`round ${round + 1}: ${kind} for ${PHASE_MS / 1000} s…\n`);
        results.push(await phase(page, kind, PHASE_MS));
      }
    }
    stopFlips();

    const of = (
      kind: 'ours' | 'naive',
      key: 'unitUpdates' | 'cameraUpdates' | 'frameIntervals' | 'frameWork',
    ) => results.filter((r) => r.kind === kind).flatMap((r) => r[key]);
    const part = (kind: 'ours' | 'naive', what: 'unit' | 'camera', key: 'apply' | 'layers' | 'draw') =>
      results
        .filter((r) => r.kind === kind)
        .flatMap((r) => r.parts)
        .filter((p) => p.kind === what)
        .map((p) => p[key]);
    const breakdown = (label: string, what: 'unit' | 'camera') => [
      label,
      ...(['ours', 'naive'] as const).flatMap((k) =>
        (['apply', 'layers', 'draw'] as const).map((key) => fmt(percentile(part(k, what, key), 50), 2)),
      ),
    ];
    const row = (label: string, key: 'unitUpdates' | 'cameraUpdates' | 'frameWork') => {
      const o = of('ours', key);
      const n = of('naive', key);
      return [
        label,
        `${o.length} / ${n.length}`,
        fmt(percentile(o, 50), 2),
        fmt(percentile(o, 95), 2),
        fmt(percentile(n, 50), 2),
        fmt(percentile(n, 95), 2),
        ratio(mean(o), mean(n)),
      ];
    };
    const fi = (kind: 'ours' | 'naive') => of(kind, 'frameIntervals');
    const oursUnits = of('ours', 'unitUpdates');
    const oursCams = of('ours', 'cameraUpdates');
    const worstP50 = Math.max(percentile(oursUnits, 50), percentile(oursCams, 50));
    const cpu = (what: 'unit' | 'camera') =>
      percentile(
        results
          .filter((r) => r.kind === 'ours')
          .flatMap((r) => r.parts)
          .filter((p) => p.kind === what)
          .map((p) => p.apply + p.layers),
        50,
      );
    const body = [
      `${count.toLocaleString('en')} cameras drawn at city zoom (discs + kind icons), ${UNITS} units at 1 Hz gliding ` +
        `between fixes, ${FLIPS_PER_SECOND} camera status changes per second through the simulator; headless ` +
        `Chromium with SwiftShader (software WebGL: drawing costs more than on any GPU). Main-thread ms per update, ` +
        `from the batch reaching the map to the frame that shows it drawn; ours and the naive build alternate ` +
        `${ROUNDS}× ${PHASE_MS / 1000} s in the same page.`,
      '',
      table(
        [
          'per update (ms)',
          'updates ours / naive',
          'ours p50',
          'ours p95',
          'naive p50',
          'naive p95',
          'ours ÷ naive (mean)',
        ],
        [
          row('unit positions (500 fixes)', 'unitUpdates'),
          row('camera status batch', 'cameraUpdates'),
          row('any frame (layers + draw)', 'frameWork'),
        ],
      ),
      '',
      'Where the time goes (p50 ms): applying the batch to the map, building the layers and updating their ' +
        'GPU buffers, drawing the frame (basemap + layers, in SwiftShader):',
      '',
      table(
        ['update', 'ours apply', 'ours layers', 'ours draw', 'naive apply', 'naive layers', 'naive draw'],
        [breakdown('unit positions', 'unit'), breakdown('camera status', 'camera')],
      ),
      '',
      table(
        ['frame interval (ms)', 'ours', 'naive'],
        [
          ['p50', fmt(percentile(fi('ours'), 50)), fmt(percentile(fi('naive'), 50))],
          ['p95', fmt(percentile(fi('ours'), 95)), fmt(percentile(fi('naive'), 95))],
        ],
      ),
      '',
      `Budget: ≤ 4 ms per update. Ours, median of the slower kind of update: ${fmt(worstP50, 2)} ms in all, of ` +
        `which applying and building the layers (the work a GPU does not take over) ${fmt(cpu('unit'), 2)} ms for ` +
        `unit positions and ${fmt(cpu('camera'), 2)} ms for a camera status batch.`,
      QUICK
        ? '\n_Quick mode (BENCH_QUICK=1): one short round; run without it for the reported figures._'
        : '',
    ].join('\n');
    writeBenchSection({
      id: 'map',
      title: 'Operational map: 10,000 cameras, 500 units at 1 Hz',
      command: 'node --import tsx e2e/bench/map.bench.ts',
      body,
    });
    process.stdout.write(`done in ${Math.round((Date.now() - t0) / 1000)} s\n`);
  } finally {
    stopFlips();
    await browser.close();
    await stopBff();
  }
}

await main();
