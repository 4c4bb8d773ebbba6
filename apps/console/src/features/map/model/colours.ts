import type { CameraState } from '@c2/api-client/schemas/camera';
import type { UnitStatus } from '@c2/api-client/schemas/unit';
import type { Priority } from '@c2/api-client/schemas/alert';
import type { Severity } from '@c2/api-client/schemas/event';

type Rgba = [number, number, number, number];

/** The theme's status colours (--c2-ok / --c2-warn / --c2-danger, grey for unknown), as WebGL needs them: it cannot read CSS. */
export const STATE_RGBA: Record<CameraState, Rgba> = {
  online: [47, 208, 127, 255],
  degraded: [247, 183, 49, 255],
  offline: [255, 95, 87, 255],
  unknown: [138, 150, 168, 255],
};

export const STATE_HEX: Record<CameraState, string> = {
  online: '#2fd07f',
  degraded: '#f7b731',
  offline: '#ff5f57',
  unknown: '#8a96a8',
};

/** Field units: available stands out (it can be sent), busy ones in calmer tones, out of service grey. */
export const UNIT_RGBA: Record<UnitStatus, Rgba> = {
  available: [86, 182, 255, 255],
  assigned: [190, 140, 255, 255],
  en_route: [255, 160, 60, 255],
  on_scene: [255, 95, 87, 255],
  returning: [120, 200, 190, 255],
  out_of_service: [138, 155, 181, 255],
};

export const PRIORITY_RGBA: Record<Priority, Rgba> = {
  P1: [255, 72, 72, 255],
  P2: [255, 140, 40, 255],
  P3: [247, 200, 49, 255],
  P4: [86, 182, 255, 255],
};

export const SEVERITY_RGBA: Record<Severity, Rgba> = {
  info: [86, 182, 255, 255],
  minor: [120, 200, 190, 255],
  major: [255, 160, 60, 255],
  critical: [255, 72, 72, 255],
};

export const SELECTED_RGBA: Rgba = [255, 212, 59, 255];
