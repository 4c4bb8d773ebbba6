import type { EscalationStep } from '@c2/api-client/schemas/alert';

/** One firing of a policy: which step, which repetition of it (0: the first time). */
export interface Firing {
  step: number;
  repeat: number;
}
export interface ScheduledFiring extends Firing {
  /** Epoch ms when it is due. */
  dueAt: number;
}

/** What the alert looks like when a firing comes due. */
export interface AlertState {
  acknowledged: boolean;
  closed: boolean;
}

export type FireDecision = 'notify' | 'skip' | 'stop';

type Steps = readonly Pick<EscalationStep, 'waitSeconds' | 'repeat' | 'condition'>[];

/** A policy starts with its first step, at once. */
export function firstFiring(startedAt: number): ScheduledFiring {
  return { step: 0, repeat: 0, dueAt: startedAt };
}

/**
 * After `fired` went off at `firedAt`, the firing that follows: the same step again while it has repeats left,
 * then the next step, each after the fired step's wait. Null when the chain is over.
 */
export function nextFiring(steps: Steps, fired: Firing, firedAt: number): ScheduledFiring | null {
  const step = steps[fired.step];
  if (!step) return null;
  const dueAt = firedAt + step.waitSeconds * 1000;
  if (fired.repeat < step.repeat) return { step: fired.step, repeat: fired.repeat + 1, dueAt };
  if (fired.step + 1 < steps.length) return { step: fired.step + 1, repeat: 0, dueAt };
  return null;
}

/**
 * Whether a due step notifies: a closed alert stops the chain; a step meant for unacknowledged alerts is skipped
 * once someone acknowledged (a later "not resolved" step still fires at its time).
 */
export function decide(step: Pick<EscalationStep, 'condition'>, state: AlertState): FireDecision {
  if (state.closed) return 'stop';
  if (step.condition === 'not_acknowledged' && state.acknowledged) return 'skip';
  return 'notify';
}

/**
 * From a candidate firing, the first one that would notify given the alert's state now, keeping the policy's
 * times (a skipped step still takes its wait). Null when nothing more would notify: the deadline can go.
 */
export function nextEffectiveFiring(
  steps: Steps,
  candidate: ScheduledFiring | null,
  state: AlertState,
): ScheduledFiring | null {
  let c = candidate;
  while (c) {
    const step = steps[c.step];
    if (!step) return null;
    const d = decide(step, state);
    if (d === 'notify') return c;
    if (d === 'stop') return null;
    c = nextFiring(steps, c, c.dueAt);
  }
  return null;
}

/** The whole plan of an untouched alert (no acknowledgement): every firing with its due time. For the editor. */
export function plan(steps: Steps, startedAt: number): ScheduledFiring[] {
  const out: ScheduledFiring[] = [];
  let c: ScheduledFiring | null = firstFiring(startedAt);
  while (c && out.length < 200) {
    out.push(c);
    c = nextFiring(steps, c, c.dueAt);
  }
  return out;
}

/** The level an alert reaches when a step fires: levels count steps, not repeats. */
export const levelOf = (fired: Firing): number => fired.step + 1;
