/**
 * Dragging cameras between features (map → video wall, camera tree → tile): features do not import each other,
 * so they agree on this data-transfer type instead. The payload is a JSON array of camera ids.
 */
export const CAMERA_DRAG_TYPE = 'application/x-c2-camera-ids';

export function setCameraDrag(dataTransfer: DataTransfer, cameraIds: readonly string[]): void {
  dataTransfer.setData(CAMERA_DRAG_TYPE, JSON.stringify(cameraIds));
  dataTransfer.setData('text/plain', cameraIds.join(','));
  dataTransfer.effectAllowed = 'copy';
}

/** The camera ids a drop carries; empty when it carries none (or something else). */
export function readCameraDrag(dataTransfer: DataTransfer): string[] {
  const raw = dataTransfer.getData(CAMERA_DRAG_TYPE);
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, 64) : [];
  } catch {
    return [];
  }
}

/** Whether a drag in progress carries cameras (only the types are readable before the drop). */
export function isCameraDrag(dataTransfer: DataTransfer): boolean {
  return dataTransfer.types.includes(CAMERA_DRAG_TYPE);
}
