import { spawn } from 'node:child_process';
import { PROBE_FAILED, type VmsDiagnostics } from '../vms-diagnostics';
import { isAvailable, isKickable, videoSize, type MediamtxClient } from './mediamtx-api';

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Grabs one frame of an HLS stream as JPEG with ffmpeg; null when ffmpeg fails or takes longer than `timeoutMs`.
 * The output is capped, so a misbehaving source cannot fill memory.
 */
export function grabJpeg(ffmpeg: string, url: string, timeoutMs: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const child = spawn(
      ffmpeg,
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-i',
        url,
        '-frames:v',
        '1',
        '-vf',
        'scale=480:-2',
        '-f',
        'mjpeg',
        'pipe:1',
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 4 * 1024 * 1024) child.kill('SIGKILL');
      else chunks.push(c);
    });
    child.on('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code === 0 && size > 0 ? Buffer.concat(chunks) : null);
    });
  });
}

/**
 * Diagnosis through MediaMTX: a probe reads the path from the control API (codec and size of its tracks, and the
 * bitrate from two readings of `bytesReceived` a second apart); a restart kicks the publishing session so the camera
 * reconnects (pulled sources are re-pulled by MediaMTX itself, which the BFF cannot order); a snapshot is one frame
 * of the path's HLS read by ffmpeg with the BFF's own credentials, which the authentication hook accepts for reads.
 */
export function createMediamtxDiagnostics(deps: {
  client: MediamtxClient;
  /** The camera's main path, null for a camera that is not registered. */
  pathOf: (cameraId: string) => string | null;
  /** The BFF-side URL of the path's HLS playlist. */
  hlsOf: (path: string) => string;
  ffmpeg: string | null;
  /** Time between the two bitrate readings; tests shorten it. */
  bitrateWindowMs?: number;
}): VmsDiagnostics {
  const { client } = deps;
  const window = deps.bitrateWindowMs ?? 1000;

  return {
    async snapshot(cameraId) {
      const path = deps.pathOf(cameraId);
      if (!path || !deps.ffmpeg) return null;
      const url = new URL(deps.hlsOf(path));
      if (client.credentials) {
        url.username = encodeURIComponent(client.credentials.user);
        url.password = encodeURIComponent(client.credentials.pass);
      }
      return grabJpeg(deps.ffmpeg, url.toString(), 10_000);
    },

    async probeStream(cameraId) {
      const path = deps.pathOf(cameraId);
      if (!path) return { ...PROBE_FAILED, error: 'unknown camera' };
      const started = performance.now();
      try {
        const first = await client.getPath(path);
        const latencyMs = Math.round(performance.now() - started);
        if (!first) return { ...PROBE_FAILED, latencyMs, error: `VMS has no path ${path}` };
        if (!isAvailable(first))
          return { ...PROBE_FAILED, latencyMs, error: 'no source is publishing to the VMS' };
        const video = (first.tracks2 ?? [])[0];
        const size = videoSize(first);
        let bitrateKbps: number | null = null;
        if (first.bytesReceived !== undefined) {
          const t0 = performance.now();
          await sleep(window);
          const second = await client.getPath(path);
          if (second?.bytesReceived !== undefined && second.bytesReceived >= first.bytesReceived) {
            const seconds = (performance.now() - t0) / 1000;
            bitrateKbps = Math.round(((second.bytesReceived - first.bytesReceived) * 8) / 1000 / seconds);
          }
        }
        return {
          ok: true,
          latencyMs,
          codec: video?.codec ?? null,
          width: size?.width ?? null,
          height: size?.height ?? null,
          fps: null,
          bitrateKbps,
          error: null,
        };
      } catch (err) {
        return { ...PROBE_FAILED, error: errorText(err) };
      }
    },

    async restartStream(cameraId) {
      const path = deps.pathOf(cameraId);
      if (!path) return { accepted: false, detail: 'unknown camera' };
      try {
        const p = await client.getPath(path);
        const source = p?.source;
        if (!source) return { accepted: false, detail: 'no source is publishing to the VMS' };
        if (!isKickable(source.type) || !source.id)
          return { accepted: false, detail: `a ${source.type} source is re-pulled by the VMS itself` };
        const kicked = await client.kick(source.type, source.id);
        return kicked
          ? { accepted: true, detail: 'publishing session dropped; the camera reconnects' }
          : { accepted: false, detail: 'the session had already ended' };
      } catch (err) {
        return { accepted: false, detail: errorText(err) };
      }
    },
  };
}
