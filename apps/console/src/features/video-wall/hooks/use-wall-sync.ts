import { useEffect } from 'react';
import { z } from 'zod';
import type { StoreApi } from 'zustand/vanilla';
import { snapshotOf, wallSnapshotSchema, type WallState } from '../stores/wall-store';

const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), from: z.string() }),
  z.object({ type: z.literal('state'), from: z.string(), snapshot: wallSnapshotSchema }),
]);
type WallMessage = z.infer<typeof messageSchema>;

/**
 * Keeps every window of the same user's wall in step (the main console and walls popped out to other monitors)
 * over a BroadcastChannel: a change made in one is applied in the others; a window that opens asks for the state.
 */
export function useWallSync(store: StoreApi<WallState>, channelName: string): void {
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(channelName);
    const me = crypto.randomUUID();
    const post = (m: WallMessage) => channel.postMessage(m);
    const sendState = () => post({ type: 'state', from: me, snapshot: snapshotOf(store.getState()) });
    let version = store.getState().version;
    const unsubscribe = store.subscribe((s) => {
      if (s.version === version) return;
      version = s.version;
      sendState();
    });
    channel.onmessage = (event: MessageEvent<unknown>) => {
      // Another window is another trust boundary: what it sends is checked like any input.
      const parsed = messageSchema.safeParse(event.data);
      if (!parsed.success || parsed.data.from === me) return;
      if (parsed.data.type === 'hello') sendState();
      else store.getState().applyRemote(parsed.data.snapshot);
    };
    post({ type: 'hello', from: me });
    return () => {
      unsubscribe();
      channel.close();
    };
  }, [store, channelName]);
}
