import type { Alert } from '@c2/api-client/schemas/alert';
import type { AnalyticsEvent, Severity } from '@c2/api-client/schemas/event';

/** How long a new event's pulse shows on the map. */
export const PULSE_MS = 4000;
const MAX_PULSES = 300;

export interface Pulse {
  eventId: string;
  cameraId: string;
  type: AnalyticsEvent['type'];
  severity: Severity;
  lng: number;
  lat: number;
  born: number;
}

/**
 * New events as pulses that grow and fade at their camera. Bounded (a storm of events keeps the newest), and
 * emptied as they expire, so an idle map stops animating.
 */
export class PulseModel {
  pulses: Pulse[] = [];

  add(
    events: readonly AnalyticsEvent[],
    locate: (cameraId: string) => [number, number] | undefined,
    now: number,
  ) {
    for (const e of events) {
      const at = locate(e.cameraId);
      if (!at) continue;
      this.pulses.push({
        eventId: e.id,
        cameraId: e.cameraId,
        type: e.type,
        severity: e.severity,
        lng: at[0],
        lat: at[1],
        born: now,
      });
    }
    if (this.pulses.length > MAX_PULSES) this.pulses = this.pulses.slice(-MAX_PULSES);
  }

  /** Drops expired pulses; true while any is alive. */
  prune(now: number): boolean {
    if (this.pulses.length > 0 && now - this.pulses[0]!.born > PULSE_MS)
      this.pulses = this.pulses.filter((p) => now - p.born <= PULSE_MS);
    return this.pulses.length > 0;
  }
}

/**
 * Open alerts as the live log reports them (`alert.changed`): the newest version of each, resolved ones dropped.
 * Seeded from a list when the alerts API offers one (`seed`), kept current by the live batches either way.
 */
export class AlertModel {
  readonly open = new Map<string, Alert>();
  version = 0;

  seed(alerts: readonly Alert[]): void {
    for (const a of alerts) this.apply(a);
    this.version++;
  }

  update(alerts: readonly Alert[]): void {
    for (const a of alerts) this.apply(a);
    if (alerts.length > 0) this.version++;
  }

  private apply(a: Alert): void {
    if (a.status === 'resolved') this.open.delete(a.id);
    else this.open.set(a.id, a);
  }
}
