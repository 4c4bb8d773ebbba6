import { describe, expect, it } from 'vitest';
import type { Device } from '@c2/api-client/schemas/device';
import { filterDevices, sortDevices } from './device-table-model';

const T = '2026-11-23T01:00:00.000Z';
function device(i: number, patch: Partial<Device> = {}): Device {
  return {
    id: `cam-${i}`,
    kind: 'camera',
    code: `CAM-${String(i).padStart(5, '0')}`,
    name: `Camera ${i}`,
    model: 'Hikvision',
    areaId: 'a',
    areaName: i % 2 ? 'Bắc Ninh' : 'Từ Sơn',
    state: 'online',
    since: T,
    reason: null,
    metrics: {
      cpuPct: null,
      memPct: null,
      tempC: 30 + (i % 40),
      storagePct: null,
      latencyMs: i % 100,
      lossPct: 0,
      bitrateKbps: 4000,
      fps: 25,
    },
    metricsAt: T,
    faults: [],
    checkedAt: null,
    ...patch,
  };
}

describe('devices table model', () => {
  it('when sorted by health, then faulty devices come first, then offline, then degraded', () => {
    const list = [
      device(1),
      device(2, { state: 'degraded' }),
      device(3, { state: 'offline' }),
      device(4, { faults: ['image_black'] }),
    ];
    expect(sortDevices(list, { key: 'health', dir: 'asc' }).map((d) => d.id)).toEqual([
      'cam-4',
      'cam-3',
      'cam-2',
      'cam-1',
    ]);
  });

  it('when sorted by a reading, then a missing reading goes last in both directions', () => {
    const list = [device(1), device(2, { metrics: { ...device(2).metrics, tempC: null } }), device(3)];
    expect(sortDevices(list, { key: 'tempC', dir: 'asc' }).at(-1)!.id).toBe('cam-2');
    expect(sortDevices(list, { key: 'tempC', dir: 'desc' }).at(-1)!.id).toBe('cam-2');
  });

  it('when searching without diacritics, then Vietnamese names match, and filters combine', () => {
    const list = Array.from({ length: 20 }, (_, i) => device(i, i === 5 ? { state: 'offline' } : {}));
    const found = filterDevices(list, {
      text: 'bac ninh',
      kinds: new Set(),
      states: new Set(),
      onlyFaulty: false,
    });
    expect(found.every((d) => d.areaName === 'Bắc Ninh')).toBe(true);
    expect(found).toHaveLength(10);
    const offline = filterDevices(list, {
      text: 'bac',
      kinds: new Set(['camera']),
      states: new Set(['offline']),
      onlyFaulty: false,
    });
    expect(offline.map((d) => d.id)).toEqual(['cam-5']);
  });

  it('when 10,000 devices are filtered to the faulty and sorted by latency, then the order holds throughout', () => {
    const list = Array.from({ length: 10_000 }, (_, i) =>
      device(i, { faults: i % 97 === 0 ? ['image_blur'] : [] }),
    );
    const out = sortDevices(
      filterDevices(list, { text: '', kinds: new Set(), states: new Set(), onlyFaulty: true }),
      {
        key: 'latencyMs',
        dir: 'desc',
      },
    );
    expect(out).toHaveLength(104);
    for (let i = 1; i < out.length; i++)
      expect(out[i - 1]!.metrics.latencyMs!).toBeGreaterThanOrEqual(out[i]!.metrics.latencyMs!);
  });
});
