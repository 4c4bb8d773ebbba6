import { setWorkerUrl } from 'maplibre-gl';
// maplibre-gl 6 ships its worker as a separate module; Vite serves it from our origin (CSP: worker-src 'self').
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

let done = false;

/** Points MapLibre at its worker once; every map in the console calls this before creating one. */
export function ensureMaplibreWorker(): void {
  if (done) return;
  setWorkerUrl(workerUrl);
  done = true;
}
