import { useEffect, useState } from 'react';
import type { StreamVariant } from '@c2/api-client/schemas/stream';

/**
 * Device pixels across a tile from which the main stream (1280×720) is worth its cost: the sub stream (640 px) would
 * be stretched by more than an eighth. Below, the sub stream.
 */
const MAIN_FROM_PX = 720;
/** …and back to the sub stream only below this, so a tile near the threshold does not flip back and forth. */
const SUB_BELOW_PX = 600;

/**
 * The stream a tile should play for its size on screen: the sub stream in small tiles, the main stream when the
 * tile is large, maximised or fullscreen.
 */
export function useTileVariant(ref: React.RefObject<HTMLElement | null>, forceMain: boolean): StreamVariant {
  const [variant, setVariant] = useState<StreamVariant>('sub');
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const px = entry.contentRect.width * (window.devicePixelRatio || 1);
      setVariant((v) => (px >= MAIN_FROM_PX ? 'main' : px < SUB_BELOW_PX ? 'sub' : v));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return forceMain ? 'main' : variant;
}
