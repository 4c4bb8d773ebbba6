import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useLogout } from '../features/auth/api/session';
import {
  createLiveConnection,
  type ConnectionState,
  type LiveConnection,
  type SessionEndReason,
} from '../lib/live-connection';
import { LiveDeltasContext } from '../lib/live-deltas';

const LiveContext = createContext<LiveConnection | null>(null);

const noSubscription = () => () => undefined;

/** Owns the one live socket for the logged-in user; closes it on logout (unmount). */
export function LiveProvider({
  children,
  onSessionEnded,
}: {
  children: ReactNode;
  onSessionEnded: (reason: SessionEndReason) => void;
}) {
  const queryClient = useQueryClient();
  // The connection outlives renders; it must call the newest callback, not the one of its first render.
  const onSessionEndedRef = useRef(onSessionEnded);
  useEffect(() => {
    onSessionEndedRef.current = onSessionEnded;
  });
  const [connection] = useState(() =>
    createLiveConnection({ queryClient, onSessionEnded: (reason) => onSessionEndedRef.current(reason) }),
  );
  useEffect(() => {
    connection.connect();
    return () => connection.disconnect();
  }, [connection]);
  return (
    <LiveContext.Provider value={connection}>
      <LiveDeltasContext.Provider value={connection.deltas}>{children}</LiveDeltasContext.Provider>
    </LiveContext.Provider>
  );
}

/** The live connection's state; re-renders only when the state changes, not on every entry. */
export function useConnectionState(): { state: ConnectionState; lastSeq: number | null } {
  const connection = useContext(LiveContext);
  const state = useSyncExternalStore(
    connection ? connection.subscribe : noSubscription,
    () => connection?.getState() ?? 'connecting',
  );
  return { state, lastSeq: connection?.lastSeq() ?? null };
}

/**
 * Signing out: the live socket closes first (a live entry arriving while the logout is under way would otherwise
 * make the page refetch — violation counts, an open alert — with a session already gone), then the session ends
 * and the login page opens, whatever the server answered.
 */
export function useSignOut(): { signOut: () => void; pending: boolean } {
  const connection = useContext(LiveContext);
  const logout = useLogout();
  const navigate = useNavigate();
  return {
    signOut: () => {
      connection?.disconnect();
      logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
    },
    pending: logout.isPending,
  };
}
