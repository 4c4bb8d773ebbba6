import { useCallback, useState } from 'react';
import { useLiveEntries } from '../../../lib/live-entries';
import { dismissAlarm, EMPTY_ALARMS, onAlerts, type AlarmQueue } from './alarm-queue';

/**
 * The alarm tile's queue, fed by live `alert.changed` entries. Only cameras the user can see on this wall count
 * (the BFF already scopes alerts to the user's jurisdiction; this keeps out cameras not yet in the camera list).
 */
export function useAlarmTile(canSee: (cameraId: string) => boolean): {
  alarms: AlarmQueue;
  dismiss: () => void;
} {
  const [alarms, setAlarms] = useState<AlarmQueue>(EMPTY_ALARMS);
  useLiveEntries('alert.changed', (alerts) => {
    setAlarms((q) => onAlerts(q, alerts, { now: Date.now(), canSee }));
  });
  const dismiss = useCallback(() => setAlarms((q) => dismissAlarm(q)), []);
  return { alarms, dismiss };
}
