import type { AnalyticsEvent } from '@c2/api-client/schemas/event';
import type { SignatureCheck } from '@c2/api-client/schemas/signature';
import type { Queryable } from '../../../platform/db';
import type { Signer } from '../../../platform/signing/signer';
import type { StoredEventsSink } from '../../events/domain/event-ingest';
import { insertEventSignatures, selectEventSignatures } from '../data/event-signature-store';
import { PURPOSE } from './record-purposes';

/**
 * What an AI event's signature covers: the event as stored, less `delayed` (derived at read time from a
 * configurable threshold, so it is not part of the record).
 */
export function signedEventBody(event: AnalyticsEvent): Omit<AnalyticsEvent, 'delayed'> {
  const { delayed: _derived, ...body } = event;
  return body;
}

/**
 * Signs every AI event in the ingest transaction that stores it: an event is never committed without its
 * signature, and one altered afterwards (in the database or on its way to a package) no longer verifies.
 */
export function createEventSigning(signer: Signer) {
  const sink: StoredEventsSink = async (q, events) => {
    await insertEventSignatures(
      q,
      events.map((e) => ({ eventId: e.id, signature: signer.sign(PURPOSE.event, signedEventBody(e)) })),
    );
  };

  return {
    sink,
    /** verified / not verified / unsigned for each event, by id. */
    async check(q: Queryable, events: readonly AnalyticsEvent[]): Promise<Map<string, SignatureCheck>> {
      const sigs = await selectEventSignatures(
        q,
        events.map((e) => e.id),
      );
      const out = new Map<string, SignatureCheck>();
      for (const e of events)
        out.set(e.id, await signer.check(PURPOSE.event, signedEventBody(e), sigs.get(e.id) ?? null));
      return out;
    },
    signatures: (q: Queryable, ids: readonly string[]) => selectEventSignatures(q, ids),
  };
}
export type EventSigning = ReturnType<typeof createEventSigning>;
