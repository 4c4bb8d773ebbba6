import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StreamVariant } from '@c2/api-client/schemas/stream';
import type { Logger } from '../../../platform/logger';
import { CLIP_SECONDS, SCENES, SCENE_HEIGHT, SCENE_WIDTH, type Scene } from './scenes';

/** How each variant is encoded: like a traffic camera's main and sub stream, 1-second GOPs for 1-second segments. */
export const VARIANT_ENCODING: Readonly<
  Record<StreamVariant, { width: number; height: number; fps: number; profile: string; kbps: number }>
> = {
  main: { width: SCENE_WIDTH, height: SCENE_HEIGHT, fps: 25, profile: 'main', kbps: 1500 },
  // Sub streams of CCTV cameras are commonly 15 fps baseline: cheap to decode when sixteen play at once.
  sub: { width: 640, height: 360, fps: 15, profile: 'baseline', kbps: 400 },
};

/** One scene, encoded: the 1-second MPEG-TS segments of each variant and a JPEG poster. */
export interface SceneMedia {
  scene: Scene;
  segments: Readonly<Record<StreamVariant, readonly Buffer[]>>;
  poster: Buffer;
}

export type LibraryState = 'encoding' | 'ready' | 'failed' | 'unavailable';

export interface ClipLibrary {
  readonly scenes: readonly Scene[];
  /** Starts encoding what is not cached yet, in the background (one ffmpeg at a time, at low priority). */
  start(): void;
  stop(): Promise<void>;
  /** The scene's media once encoded; waits up to `timeoutMs` for it, then resolves null. */
  whenScene(index: number, timeoutMs: number): Promise<SceneMedia | null>;
  scene(index: number): SceneMedia | undefined;
  status(): { state: LibraryState; ready: number; total: number; detail: string };
}

export interface ClipLibraryOptions {
  /** Cache root (DATA_DIR/media by default): encoded once, reused by every later start. */
  dir: string;
  ffmpeg: string | null;
  font: string | null;
  logger: Logger;
  scenes?: readonly Scene[];
}

/** Bump when the encoding changes in a way the recipe hash below cannot see. */
const RECIPE_VERSION = 1;
const ENCODE_TIMEOUT_MS = 180_000;

function filterGraph(scene: Scene, font: string | null): string {
  const text = font
    ? `,drawtext=fontfile='${font}':text='SIM  ${scene.label}  %{pts\\:hms}':x=28:y=24:fontsize=30:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=8`
    : '';
  const { sub } = VARIANT_ENCODING;
  return `[0:v]${scene.boxes.join(',')}${text},split=2[main][s0];[s0]scale=${sub.width}:${sub.height},fps=${sub.fps}[sub]`;
}

function variantArgs(variant: StreamVariant, outDir: string): string[] {
  const e = VARIANT_ENCODING[variant];
  return [
    '-map',
    `[${variant}]`,
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    // No B-frames and no look-ahead, as camera encoders do.
    '-tune',
    'zerolatency',
    '-profile:v',
    e.profile,
    '-pix_fmt',
    'yuv420p',
    '-b:v',
    `${e.kbps}k`,
    '-maxrate',
    `${Math.round(e.kbps * 1.2)}k`,
    '-bufsize',
    `${e.kbps}k`,
    // A keyframe every second, exactly, so every 1-second segment starts with one.
    '-g',
    String(e.fps),
    '-keyint_min',
    String(e.fps),
    '-sc_threshold',
    '0',
    '-force_key_frames',
    'expr:gte(t,n_forced*1)',
    '-f',
    'hls',
    '-hls_time',
    '1',
    '-hls_list_size',
    '0',
    '-hls_playlist_type',
    'vod',
    '-hls_segment_filename',
    path.join(outDir, variant, 'seg-%03d.ts'),
    path.join(outDir, variant, 'index.m3u8'),
  ];
}

function recipeHash(scenes: readonly Scene[], font: string | null): string {
  const recipe = JSON.stringify({
    v: RECIPE_VERSION,
    CLIP_SECONDS,
    VARIANT_ENCODING,
    scenes: scenes.map((s) => filterGraph(s, font ? 'font' : null)),
  });
  return createHash('sha256').update(recipe).digest('hex').slice(0, 12);
}

function run(binary: string, args: string[], onChild: (c: ChildProcess | null) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    onChild(child);
    // Encoding is background work: it must not slow down the requests being served meanwhile.
    try {
      if (child.pid) os.setPriority(child.pid, 10);
    } catch {
      // Lowering priority is best effort.
    }
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ENCODE_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      onChild(null);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      onChild(null);
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `ffmpeg exited with ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
          ),
        );
    });
  });
}

/** Reads ffmpeg's VOD playlist of a variant and checks the segments are the 1-second ones the live timeline assumes. */
async function readVariant(dir: string, variant: StreamVariant): Promise<Buffer[]> {
  const playlist = await fs.readFile(path.join(dir, variant, 'index.m3u8'), 'utf8');
  const lines = playlist.split('\n').map((l) => l.trim());
  const segments: Buffer[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^#EXTINF:([\d.]+)/.exec(lines[i]!);
    if (!m) continue;
    const duration = Number(m[1]);
    const uri = lines[i + 1];
    if (!uri || Math.abs(duration - 1) > 0.02)
      throw new Error(`${variant} segment ${segments.length} lasts ${duration} s, not 1 s`);
    segments.push(await fs.readFile(path.join(dir, variant, uri)));
  }
  if (segments.length !== CLIP_SECONDS)
    throw new Error(`${variant} has ${segments.length} segments, expected ${CLIP_SECONDS}`);
  return segments;
}

/**
 * The built-in origin's clips: every scene encoded once per variant with ffmpeg into DATA_DIR/media (keyed by a
 * hash of the recipe, never in git), then held in memory. Processes sharing a cache directory (parallel test
 * files, a restart) reuse what is there; two encoding the same scene at once both finish and one rename wins.
 */
export function createClipLibrary(options: ClipLibraryOptions): ClipLibrary {
  const scenes = options.scenes ?? SCENES;
  const { logger } = options;
  const root = path.join(options.dir, `hls-${recipeHash(scenes, options.font)}`);
  const media = new Map<number, SceneMedia>();
  const waiters = new Map<number, Set<() => void>>();
  let state: LibraryState = options.ffmpeg ? 'encoding' : 'unavailable';
  let detail = options.ffmpeg ? 'not started' : 'no ffmpeg found (install ffmpeg or set FFMPEG_PATH)';
  let child: ChildProcess | null = null;
  let stopped = false;
  let started: Promise<void> | null = null;

  async function load(dir: string, scene: Scene): Promise<SceneMedia> {
    const [main, sub, poster] = await Promise.all([
      readVariant(dir, 'main'),
      readVariant(dir, 'sub'),
      fs.readFile(path.join(dir, 'poster.jpg')),
    ]);
    return { scene, segments: { main, sub }, poster };
  }

  async function encode(scene: Scene, finalDir: string): Promise<void> {
    const ffmpeg = options.ffmpeg!;
    const tmp = path.join(root, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`, scene.id);
    await fs.mkdir(path.join(tmp, 'main'), { recursive: true });
    await fs.mkdir(path.join(tmp, 'sub'), { recursive: true });
    try {
      const input = `color=c=${scene.background}:s=${SCENE_WIDTH}x${SCENE_HEIGHT}:r=${VARIANT_ENCODING.main.fps}:d=${CLIP_SECONDS}`;
      await run(
        ffmpeg,
        [
          '-hide_banner',
          '-loglevel',
          'error',
          '-y',
          '-f',
          'lavfi',
          '-i',
          input,
          '-filter_complex',
          filterGraph(scene, options.font),
          ...variantArgs('main', tmp),
          ...variantArgs('sub', tmp),
        ],
        (c) => (child = c),
      );
      // The poster is a frame of the clip itself, so a tile's poster and its first frame look alike.
      await run(
        ffmpeg,
        [
          '-hide_banner',
          '-loglevel',
          'error',
          '-y',
          '-i',
          path.join(tmp, 'main', 'seg-002.ts'),
          '-frames:v',
          '1',
          '-q:v',
          '4',
          path.join(tmp, 'poster.jpg'),
        ],
        (c) => (child = c),
      );
      await readVariant(tmp, 'main');
      await readVariant(tmp, 'sub');
      await fs.writeFile(path.join(tmp, 'complete'), new Date().toISOString());
      try {
        await fs.rename(tmp, finalDir);
      } catch (err) {
        // Another process finished the same scene first: keep theirs.
        if (!(await exists(path.join(finalDir, 'complete')))) throw err;
      }
    } finally {
      await fs.rm(path.dirname(tmp), { recursive: true, force: true });
    }
  }

  const lockFile = path.join(root, '.encoding.lock');
  let holdsLock = false;

  /**
   * One process encodes at a time per cache (parallel test files, a second BFF): the others wait for its scenes.
   * A lock left by a process that died is taken over.
   */
  async function tryLock(): Promise<boolean> {
    if (holdsLock) return true;
    try {
      await fs.writeFile(lockFile, String(process.pid), { flag: 'wx' });
      holdsLock = true;
      return true;
    } catch {
      const holder = Number(await fs.readFile(lockFile, 'utf8').catch(() => ''));
      if (!isAlive(holder)) {
        await fs.rm(lockFile, { force: true });
        return tryLock();
      }
      return false;
    }
  }

  async function encodeAll(): Promise<void> {
    await fs.mkdir(root, { recursive: true });
    const t0 = Date.now();
    let encoded = 0;
    for (const [index, scene] of scenes.entries()) {
      if (stopped) return;
      const dir = path.join(root, scene.id);
      while (!stopped && !(await exists(path.join(dir, 'complete')))) {
        if (await tryLock()) {
          detail = `encoding ${scene.id} (${index + 1}/${scenes.length})`;
          await encode(scene, dir);
          encoded++;
        } else {
          detail = `waiting for another process encoding into ${root}`;
          await new Promise((r) => setTimeout(r, 300));
        }
      }
      if (stopped) return;
      media.set(index, await load(dir, scene));
      for (const wake of waiters.get(index) ?? []) wake();
      waiters.delete(index);
    }
    await releaseLock();
    state = 'ready';
    detail = `${scenes.length} scenes × 2 variants ${encoded > 0 ? `encoded in ${((Date.now() - t0) / 1000).toFixed(1)} s` : 'from cache'} (${root})`;
    logger.info({ dir: root, encoded, ms: Date.now() - t0 }, 'video clips ready');
  }

  async function releaseLock(): Promise<void> {
    if (!holdsLock) return;
    holdsLock = false;
    await fs.rm(lockFile, { force: true });
  }

  return {
    scenes,
    start() {
      if (started || !options.ffmpeg) return;
      started = encodeAll().catch((err: unknown) => {
        if (stopped) return releaseLock();
        state = 'failed';
        detail = err instanceof Error ? err.message : String(err);
        logger.error({ err }, 'encoding the simulated cameras\u2019 clips failed');
        for (const set of waiters.values()) for (const wake of set) wake();
        waiters.clear();
        return releaseLock();
      });
    },
    async stop() {
      stopped = true;
      child?.kill('SIGKILL');
      await started;
      await releaseLock();
    },
    scene: (index) => media.get(index),
    async whenScene(index, timeoutMs) {
      const ready = media.get(index);
      if (ready || state === 'failed' || state === 'unavailable') return ready ?? null;
      await new Promise<void>((resolve) => {
        const set = waiters.get(index) ?? new Set();
        waiters.set(index, set);
        const wake = () => {
          clearTimeout(timer);
          set.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, timeoutMs);
        set.add(wake);
      });
      return media.get(index) ?? null;
    },
    status: () => ({ state, ready: media.size, total: scenes.length, detail }),
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
