// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { LogEntry } from '@c2/api-client/schemas/live';
import type { Alert } from '@c2/api-client/schemas/alert';
import { createLiveDeltas, LiveDeltasContext } from '../../../lib/live-deltas';
import { useAlarmTile } from './use-alarm-tile';
import { alertFixture } from '../../../test/alert-fixture';

/** A live connection stand-in: the test pushes log entries as the socket would. */
function liveSource() {
  const source = createLiveDeltas();
  let seq = 100;
  return {
    source,
    push(...alerts: Alert[]) {
      const entries: LogEntry[] = alerts.map((data) => ({
        seq: ++seq,
        ts: new Date().toISOString(),
        areaId: data.areaId,
        topic: 'alert.changed',
        data,
      }));
      act(() => source.emitEntries(entries));
    },
    pushOther() {
      act(() =>
        source.emitEntries([
          {
            seq: ++seq,
            ts: new Date().toISOString(),
            areaId: 'a1',
            topic: 'camera.status',
            data: { cameraId: 'cam-0001', state: 'offline', since: new Date().toISOString(), reason: null },
          },
        ]),
      );
    },
  };
}

const alert = (id: string, p: Partial<Alert> = {}): Alert => alertFixture({ id, ...p });

describe('useAlarmTile', () => {
  it('when a new alert arrives on the live connection, then the alarm tile opens its camera with its priority', () => {
    const live = liveSource();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <LiveDeltasContext.Provider value={live.source}>{children}</LiveDeltasContext.Provider>
    );
    const { result } = renderHook(() => useAlarmTile((id) => id.startsWith('cam-')), { wrapper });
    expect(result.current.alarms.current).toBeNull();

    live.pushOther();
    expect(result.current.alarms.current).toBeNull();

    live.push(alert('al-1', { priority: 'P3', cameraId: 'cam-0042' }));
    expect(result.current.alarms.current).toMatchObject({ cameraId: 'cam-0042', priority: 'P3' });

    live.push(alert('al-2', { priority: 'P1', cameraId: 'cam-0099', type: 'accident' }));
    expect(result.current.alarms.current).toMatchObject({
      cameraId: 'cam-0099',
      priority: 'P1',
      type: 'accident',
    });
    expect(result.current.alarms.waiting.map((w) => w.cameraId)).toEqual(['cam-0042']);

    act(() => result.current.dismiss());
    expect(result.current.alarms.current?.cameraId).toBe('cam-0042');
  });

  it('when unmounted, then it stops listening', () => {
    const live = liveSource();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <LiveDeltasContext.Provider value={live.source}>{children}</LiveDeltasContext.Provider>
    );
    const { result, unmount } = renderHook(() => useAlarmTile(() => true), { wrapper });
    unmount();
    live.push(alert('al-3'));
    expect(result.current.alarms.current).toBeNull();
  });
});
