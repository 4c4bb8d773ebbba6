import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { createLiveConnection, type ConnectionState, type LiveConnection } from '../lib/live-connection';

const LiveContext = createContext<LiveConnection | null>(null);

/** Owns the one live socket for the logged-in user; closes it on logout (unmount). */
export function LiveProvider({
  children,
  onSessionEnded,
}: {
  children: ReactNode;
  onSessionEnded: () => void;
}) {
  const queryClient = useQueryClient();
  const [connection] = useState(() => createLiveConnection({ queryClient, onSessionEnded }));
  useEffect(() => {
    connection.connect();
    return () => connection.disconnect();
  }, [connection]);
  return <LiveContext.Provider value={connection}>{children}</LiveContext.Provider>;
}

export function useConnectionState(): { state: ConnectionState; lastSeq: number | null } {
  const connection = useContext(LiveContext);
  const state = useSyncExternalStore(
    (l) => connection?.subscribe(l) ?? (() => undefined),
    () => connection?.getState() ?? 'connecting',
  );
  return { state, lastSeq: connection?.lastSeq() ?? null };
}
