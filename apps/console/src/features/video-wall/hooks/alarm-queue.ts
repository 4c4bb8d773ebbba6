import { UNTAKEN_STATUSES, type Alert, type Priority } from '@c2/api-client/schemas/alert';

/** An alert the alarm tile shows or will show. */
export interface AlarmItem {
  alertId: string;
  cameraId: string;
  priority: Priority;
  title: string;
  type: Alert['type'];
  /** When its latest event happened (what the tile's scene shows). */
  lastEventAt: string;
  /** The alert was acknowledged or resolved elsewhere since it arrived. */
  handled: boolean;
}

export interface AlarmQueue {
  current: AlarmItem | null;
  /** Waiting, most urgent first, then the latest event first. */
  waiting: AlarmItem[];
  /** Alerts already taken in (an alert is opened once, however often it changes; a stale one is not taken in). */
  seen: ReadonlySet<string>;
}

export const EMPTY_ALARMS: AlarmQueue = { current: null, waiting: [], seen: new Set() };

/**
 * An alert whose last event is older than this when it reaches the console (a replay after a long disconnection,
 * an escalation step of a quiet alert) does not pop up; a new event grouped into it later makes it fresh again.
 */
export const ALARM_FRESH_MS = 10 * 60_000;

const rank = (p: Priority) => Number(p.slice(1));
/**
 * Most urgent first, then the latest event first: the tile is for watching a scene while it happens (the alert
 * queue, not this tile, is where the oldest unhandled alert is worked first).
 */
const byUrgency = (a: AlarmItem, b: AlarmItem) =>
  rank(a.priority) - rank(b.priority) || Date.parse(b.lastEventAt) - Date.parse(a.lastEventAt);

/**
 * What the alarm tile does with live alert changes: a new untaken alert with a camera takes the tile unless a more
 * urgent one is showing (then it waits, most urgent first); an alert handled elsewhere leaves the queue, and the
 * one showing is marked handled but stays until the operator dismisses it (they may be watching the scene).
 */
export function onAlerts(
  q: AlarmQueue,
  alerts: readonly Alert[],
  opts: { now: number; canSee: (cameraId: string) => boolean },
): AlarmQueue {
  let { current, waiting } = q;
  const seen = new Set(q.seen);
  for (const a of alerts) {
    if (!UNTAKEN_STATUSES.includes(a.status)) {
      waiting = waiting.filter((w) => w.alertId !== a.id);
      if (current?.alertId === a.id && !current.handled) current = { ...current, handled: true };
      seen.add(a.id);
      continue;
    }
    if (seen.has(a.id) || !a.cameraId || !opts.canSee(a.cameraId)) continue;
    if (opts.now - Date.parse(a.lastEventAt) > ALARM_FRESH_MS) continue;
    seen.add(a.id);
    const item: AlarmItem = {
      alertId: a.id,
      cameraId: a.cameraId,
      priority: a.priority,
      title: a.title,
      type: a.type,
      lastEventAt: a.lastEventAt,
      handled: false,
    };
    if (!current) current = item;
    else if (rank(item.priority) < rank(current.priority) || current.handled) {
      if (!current.handled) waiting = [current, ...waiting];
      current = item;
    } else waiting = [...waiting, item];
    waiting = [...waiting].sort(byUrgency);
  }
  // Bound what is remembered over a 12-hour shift.
  if (seen.size > 5000) {
    const keep = [...seen].slice(-2500);
    return { current, waiting: waiting.slice(0, 50), seen: new Set(keep) };
  }
  return { current, waiting: waiting.slice(0, 50), seen };
}

/** The operator is done with the alert showing: the next waiting one takes the tile. */
export function dismissAlarm(q: AlarmQueue): AlarmQueue {
  const [next, ...rest] = q.waiting;
  return { current: next ?? null, waiting: rest, seen: q.seen };
}
