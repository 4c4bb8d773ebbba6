import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createSimSnapshots } from '../../../upstreams/vms/sim/sim-snapshots';
import {
  blendReference,
  judgeFrame,
  measureFrame,
  type FrameStats,
  type JudgeContext,
} from './image-quality';

const W = 640;
const H = 360;

/**
 * A street picture made here, independently of the simulator: sky, buildings with windows, a road with lane
 * markings, parked and moving vehicles at `shift`, a burnt-in clock, and real pixel noise from a Gaussian source.
 */
async function street(shift: number, seed = 1): Promise<Buffer> {
  const cars = Array.from({ length: 8 }, (_, i) => {
    const x = (i * 97 + shift * (i % 2 === 0 ? 9 : -7) + seed * 31) % (W - 60);
    const y = 200 + (i % 4) * 38;
    return `<rect x="${x < 0 ? x + W - 60 : x}" y="${y}" width="${40 + (i % 3) * 14}" height="${22 + (i % 2) * 8}" rx="5" fill="hsl(${i * 47},45%,${35 + (i % 3) * 15}%)"/>`;
  }).join('');
  const windows = Array.from(
    { length: 30 },
    (_, i) =>
      `<rect x="${20 + (i % 10) * 60}" y="${40 + Math.floor(i / 10) * 30}" width="18" height="12" fill="#9fb0c4"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
    <rect width="${W}" height="150" fill="#8fa8c4"/><rect y="150" width="${W}" height="${H - 150}" fill="#4e5b3e"/>
    <rect x="10" y="30" width="300" height="120" fill="#5a5f66"/><rect x="330" y="20" width="290" height="130" fill="#6d6a63"/>${windows}
    <polygon points="280,150 360,150 ${W},${H} 0,${H}" fill="#56595e"/>
    <line x1="320" y1="150" x2="320" y2="${H}" stroke="#e0d060" stroke-width="4"/>
    <line x1="300" y1="150" x2="160" y2="${H}" stroke="#ddd" stroke-width="3" stroke-dasharray="18 14"/>
    <line x1="340" y1="150" x2="480" y2="${H}" stroke="#ddd" stroke-width="3" stroke-dasharray="18 14"/>
    ${cars}
    <text x="10" y="${H - 10}" font-family="sans-serif" font-size="14" fill="#fff">CAM-TEST 2026-11-23 10:00:${String(shift % 60).padStart(2, '0')}</text>
  </svg>`;
  const noise = await sharp({
    create: {
      width: W,
      height: H,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 6 },
    },
  })
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: noise, blend: 'overlay' }])
    .jpeg({ quality: 80 })
    .toBuffer();
}

async function flat(color: string, sigma: number): Promise<Buffer> {
  return sharp({
    create: {
      width: W,
      height: H,
      channels: 3,
      background: color,
      noise: { type: 'gaussian', mean: 0, sigma },
    },
  })
    .composite([
      {
        input: await sharp({ create: { width: W, height: H, channels: 3, background: color } })
          .png()
          .toBuffer(),
        blend: 'add',
      },
    ])
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** A camera whose history is a few good frames: the reference, sharpness and previous frame come from them. */
async function learned(): Promise<{ ctx: JudgeContext; base: FrameStats }> {
  const base = await measureFrame(await street(0));
  return {
    base,
    ctx: {
      previous: base.signature,
      reference: base.signature,
      sharpnessBaseline: base.sharpness,
      checkScene: true,
    },
  };
}

describe('image-quality checks on real images', () => {
  it('when a normal street picture with traffic moving is checked, then no fault is found', async () => {
    const { ctx } = await learned();
    const later = await measureFrame(await street(3));
    const j = judgeFrame(later, ctx);
    expect(j.detected).toEqual([]);
    expect(j.motion).toBeGreaterThan(0.3);
    expect(j.sceneMatch).toBeGreaterThan(0.6);
  });

  it('when the picture is black (with the clock still burnt in), then it is image_black', async () => {
    const { ctx } = await learned();
    const black = await sharp(await flat('#040404', 2))
      .composite([
        {
          input: Buffer.from(
            `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><text x="10" y="${H - 10}" font-size="14" fill="#fff">CAM-TEST</text></svg>`,
          ),
        },
      ])
      .jpeg()
      .toBuffer();
    expect(judgeFrame(await measureFrame(black), ctx).detected).toEqual(['image_black']);
  });

  it('when the same frame comes back (a hung encoder), then it is image_frozen', async () => {
    const frame = await street(5);
    const first = await measureFrame(frame);
    const again = await measureFrame(frame);
    const { ctx } = await learned();
    const j = judgeFrame(again, { ...ctx, previous: first.signature });
    expect(j.detected).toEqual(['image_frozen']);
    expect(j.motion).toBe(0);
  });

  it('when the same frame is re-encoded by the VMS, then it is still image_frozen', async () => {
    const frame = await street(5);
    const reencoded = await sharp(frame).jpeg({ quality: 78 }).toBuffer();
    const { ctx } = await learned();
    const j = judgeFrame(await measureFrame(reencoded), {
      ...ctx,
      previous: (await measureFrame(frame)).signature,
    });
    expect(j.detected).toEqual(['image_frozen']);
  });

  it('when the picture is out of focus, then it is image_blur, even with a sharp clock over it', async () => {
    const { ctx } = await learned();
    const blurred = await sharp(await street(7))
      .blur(6)
      .jpeg()
      .toBuffer();
    const withClock = await sharp(blurred)
      .composite([
        {
          input: Buffer.from(
            `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><text x="10" y="${H - 10}" font-size="14" fill="#fff">CAM-TEST 2026-11-23 10:00:07</text></svg>`,
          ),
        },
      ])
      .jpeg()
      .toBuffer();
    expect(judgeFrame(await measureFrame(blurred), ctx).detected).toEqual(['image_blur']);
    expect(judgeFrame(await measureFrame(withClock), ctx).detected).toEqual(['image_blur']);
  });

  it('when the lens is covered (a dull even brown), then it is camera_covered, not black', async () => {
    const { ctx } = await learned();
    const covered = await measureFrame(await flat('#4a3a2c', 4));
    expect(covered.p95).toBeGreaterThan(32);
    expect(judgeFrame(covered, ctx).detected).toEqual(['camera_covered']);
  });

  it('when the camera is turned away from its view, then it is scene_change, except on a PTZ camera', async () => {
    const { ctx } = await learned();
    const turned = await measureFrame(
      await sharp(await street(9))
        .rotate(35, { background: '#4e5b3e' })
        .resize(W, H, { fit: 'cover' })
        .jpeg()
        .toBuffer(),
    );
    const j = judgeFrame(turned, ctx);
    expect(j.detected).toEqual(['scene_change']);
    expect(j.sceneMatch).toBeLessThan(0.3);
    expect(judgeFrame(turned, { ...ctx, checkScene: false }).detected).toEqual([]);
  });

  it('when bytes are not an image, then measuring throws (the monitor counts it as no picture)', async () => {
    await expect(measureFrame(Buffer.from('not a jpeg at all'))).rejects.toThrow();
  });
});

describe('the simulator’s pictures through the same checks', () => {
  const sim = createSimSnapshots('bac-ninh', (id) => id.toUpperCase());
  const T = Date.UTC(2026, 10, 23, 3, 0, 0); // 10:00 in the province
  const span = (fault: 'black' | 'frozen' | 'blur' | 'covered' | 'moved') => ({
    fault,
    start: T,
    end: T + 3_600_000,
    healable: false,
  });

  it('when each simulated fault is rendered, then the checks name it; a good picture passes day and night', async () => {
    for (const cam of ['cam-0003', 'cam-0042']) {
      const base = await measureFrame((await sim.render(cam, T - 10_000, null))!);
      const ctx: JudgeContext = {
        previous: base.signature,
        reference: base.signature,
        sharpnessBaseline: base.sharpness,
        checkScene: true,
      };
      expect(judgeFrame(await measureFrame((await sim.render(cam, T, null))!), ctx).detected).toEqual([]);
      expect(
        judgeFrame(await measureFrame((await sim.render(cam, T, span('black')))!), ctx).detected,
      ).toEqual(['image_black']);
      expect(judgeFrame(await measureFrame((await sim.render(cam, T, span('blur')))!), ctx).detected).toEqual(
        ['image_blur'],
      );
      expect(
        judgeFrame(await measureFrame((await sim.render(cam, T, span('covered')))!), ctx).detected,
      ).toEqual(['camera_covered']);
      expect(
        judgeFrame(await measureFrame((await sim.render(cam, T, span('moved')))!), ctx).detected,
      ).toEqual(['scene_change']);
      const f1 = await sim.render(cam, T + 2000, span('frozen'));
      const f2 = await sim.render(cam, T + 9000, span('frozen'));
      expect(f2).toEqual(f1);
      const frozen = judgeFrame(await measureFrame(f2!), {
        ...ctx,
        previous: (await measureFrame(f1!)).signature,
      });
      expect(frozen.detected).toEqual(['image_frozen']);
    }
    // The stream fault gives no picture at all.
    expect(
      await sim.render('cam-0003', T, { fault: 'stream', start: T, end: T + 1000, healable: true }),
    ).toBeNull();
  });

  it('when a camera is watched through a whole day, learning as the monitor does, then dusk, night and traffic raise nothing', async () => {
    const day0 = Date.UTC(2026, 10, 22, 17, 0, 0); // midnight in the province
    for (const cam of ['cam-0001', 'cam-0033']) {
      let ctx: JudgeContext = { previous: null, reference: null, sharpnessBaseline: null, checkScene: true };
      const false_: string[] = [];
      for (let t = day0; t < day0 + 86_400_000; t += 20 * 60_000) {
        const stats = await measureFrame((await sim.render(cam, t, null))!);
        const j = judgeFrame(stats, ctx);
        if (j.detected.length > 0) false_.push(`${new Date(t).toISOString()} ${j.detected.join()}`);
        ctx = {
          ...ctx,
          previous: stats.signature,
          reference: ctx.reference ? blendReference(ctx.reference, stats.signature, 0.15) : stats.signature,
          sharpnessBaseline:
            ctx.sharpnessBaseline === null
              ? stats.sharpness
              : ctx.sharpnessBaseline * 0.8 + stats.sharpness * 0.2,
        };
      }
      expect(false_).toEqual([]);
    }
  });
});
