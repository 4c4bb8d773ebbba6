import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

function runs(binary: string): boolean {
  const res = spawnSync(binary, ['-hide_banner', '-version'], { stdio: 'ignore', timeout: 10_000 });
  return res.status === 0;
}

/**
 * The ffmpeg that encodes the simulated cameras' clips: the configured one, else ffmpeg on PATH, else the static
 * build shipped by npm `@ffmpeg-installer/linux-x64` (an optional dependency, so a machine without ffmpeg still
 * gets video). Null when none runs: the origin then answers 503 and says why.
 */
export function findFfmpeg(configured?: string): string | null {
  if (configured) return runs(configured) ? configured : null;
  if (runs('ffmpeg')) return 'ffmpeg';
  try {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@ffmpeg-installer/linux-x64/package.json'));
    const binary = path.join(dir, 'ffmpeg');
    if (fs.existsSync(binary) && runs(binary)) return binary;
  } catch {
    // Not installed (another platform, or optional dependencies skipped).
  }
  return null;
}

/** A TrueType font drawtext can use for the burnt-in label and clock; null: the clips carry no text. */
export function findFont(): string | null {
  const candidates = [
    '/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf',
    '/usr/share/fonts/TTF/DejaVuSansMono.ttf',
    '/Library/Fonts/Arial.ttf',
  ];
  return candidates.find((f) => fs.existsSync(f)) ?? null;
}
