import type { CameraState } from '@c2/api-client/schemas/camera';
import type { StatusTone } from '@c2/ui/components/status-dot/status-dot';

/** The colour of a camera's state everywhere in the console (map, wall, lists, devices). */
export const CAMERA_STATE_TONE: Record<CameraState, StatusTone> = {
  online: 'ok',
  degraded: 'warn',
  offline: 'danger',
  unknown: 'neutral',
};
