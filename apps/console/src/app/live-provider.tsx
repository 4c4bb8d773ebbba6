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
 * Signing out. Nothing of the signed-in console may ask the server anything once the session is gone (each such
 * request would be a 401): the live socket closes, requests in flight are cancelled, the pages unmount at once
 * (a synchronous navigation to the login page), and only then does the session end. The browser forgets what it
 * held for the user at once, whatever the server answers.
 */
export function useSignOut(): () => void {
  const connection = useContext(LiveContext);
  const queryClient = useQueryClient();
  const logout = useLogout();
  const navigate = useNavigate();
  return () => {
    connection?.disconnect();
    void queryClient.cancelQueries();
    void navigate('/login', { replace: true, flushSync: true });
    queryClient.clear();
    logout.mutate();
  };
}
