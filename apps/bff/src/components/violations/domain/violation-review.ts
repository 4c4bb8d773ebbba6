import { createHash } from 'node:crypto';
import { normalizePlate } from '@c2/api-client/plate';
import type {
  Violation,
  ViolationCounts,
  ViolationDecision,
  ViolationDetail,
  ViolationListQuery,
  ViolationPage,
  ViolationSettings,
  ViolationStatus,
} from '@c2/api-client/schemas/violation';
import type { ServiceDecision } from '@c2/api-client/schemas/violation-service';
import type { Db, Queryable } from '../../../platform/db';
import type { Logger } from '../../../platform/logger';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors';
import { canonicalJson } from '../../../platform/signing/canonical-json';
import type { Signer } from '../../../platform/signing/signer';
import type { ViolationsPort } from '../../../upstreams/violations/violations-port';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import type { Principal } from '../../auth/domain/auth-service';
import type { CameraRef } from '../../cameras/domain/camera-service';
import type { EventLog, ChangeOf } from '../../live/domain/event-log';
import { audienceOf, type Tier } from '../../live/domain/audience';
import type { EvidenceVault } from '../../evidence/domain/evidence-vault';
import { PURPOSE } from '../../evidence/domain/record-purposes';
import {
  claimDeliveries,
  insertReview,
  insertViolations,
  lockViolation,
  markDelivered,
  markDeliveryFailed,
  saveCursor,
  selectCursor,
  selectLastReviews,
  selectMakerChecker,
  selectReviews,
  selectSeals,
  selectSealsFor,
  selectStatusCounts,
  selectViolation,
  selectViolationPage,
  selectViolationsByIds,
  signatureOf,
  upsertMakerChecker,
  type NewViolation,
  type ReviewRow,
  type Scope,
  type ViolationRow,
} from '../data/violation-store';
import { signedReviewBody, signedViolationBody, toReview, toViolation } from './violation-presenter';

const POLL_BATCH = 200;
const DELIVERY_BATCH = 20;
const DELIVERY_LEASE_SECONDS = 60;

export const scopeOf = (p: Principal): Scope => {
  const a = audienceOf(p.permissions, p.user.areas);
  return { maxTier: a.maxTier, areas: a.areas };
};

const digestOf = (body: unknown) => createHash('sha256').update(canonicalJson(body)).digest('hex');

/** Backoff of decision delivery: 5 s, 10 s, 20 s … up to 10 minutes between attempts. */
export const retryDelaySeconds = (attempts: number) => Math.min(600, 5 * 2 ** Math.min(attempts, 10));

/**
 * Violations with a human in the loop: records arrive from the violation service and wait in the review queue;
 * a reviewer verifies (possibly correcting the plate) or rejects with a reason; under maker–checker a second,
 * different person approves before the violation counts as verified. Every record and decision is signed; final
 * decisions go back to the violation service, retried until it accepts. Nothing is verified without a person.
 */
export function createViolationReview(deps: {
  db: Db;
  port: ViolationsPort;
  signer: Signer;
  vault: EvidenceVault;
  eventLog: EventLog;
  audit: AuditTrail;
  cameraRef: (id: string) => CameraRef | undefined;
  logger: Logger;
  pollMs: number;
  makerCheckerDefault: boolean;
}) {
  const { db, port, signer, vault, eventLog, audit, logger } = deps;
  const source = port.adapter;
  let pollTimer: NodeJS.Timeout | null = null;
  let deliveryTimer: NodeJS.Timeout | null = null;
  let polling: Promise<void> | null = null;
  let pollAgain = false;
  let delivering: Promise<void> | null = null;
  let stopped = false;
  let unsubscribe: (() => void) | null = null;

  async function present(q: Queryable, rows: ViolationRow[], withSeals = false): Promise<Violation[]> {
    const ids = rows.map((r) => r.id);
    const [last, seals] = await Promise.all([
      selectLastReviews(q, ids),
      withSeals ? selectSealsFor(q, ids) : Promise.resolve(new Map<string, never>()),
    ]);
    return Promise.all(
      rows.map(async (r) =>
        toViolation(
          r,
          last.get(r.id),
          seals.get(r.id),
          await signer.check(PURPOSE.violation, signedViolationBody(r), signatureOf(r)),
          vault,
        ),
      ),
    );
  }

  async function makerChecker(q: Queryable = db): Promise<ViolationSettings> {
    const row = await selectMakerChecker(q);
    return row
      ? {
          makerChecker: row.maker_checker,
          updatedAt: new Date(row.updated_at).toISOString(),
          updatedBy: row.updated_by,
        }
      : { makerChecker: deps.makerCheckerDefault, updatedAt: null, updatedBy: null };
  }

  /** Takes in what the violation service has after our cursor, in batches, each batch in one transaction. */
  async function pollOnce(): Promise<void> {
    for (;;) {
      const cursor = await selectCursor(db, source);
      const page = await port.poll(cursor, POLL_BATCH);
      const receivedAt = new Date().toISOString();
      const rows: NewViolation[] = [];
      for (const record of page.items) {
        const ref = deps.cameraRef(record.cameraId);
        if (!ref) {
          logger.warn(
            { id: record.id, cameraId: record.cameraId },
            'violation from an unknown camera skipped',
          );
          continue;
        }
        const row = { source, receivedAt, record };
        rows.push({
          record,
          source,
          areaId: ref.areaId,
          tier: ref.tier,
          plateNorm: normalizePlate(record.plate),
          receivedAt,
          signature: signer.sign(
            PURPOSE.violation,
            signedViolationBody({ ...row, received_at: new Date(receivedAt) }),
          ),
        });
      }
      const items = await db.tx(async (q) => {
        const stored = await insertViolations(q, rows);
        await saveCursor(q, source, page.cursor);
        if (stored.length === 0) return [];
        const fresh = await selectViolationsByIds(q, stored);
        fresh.sort((a, b) => +new Date(a.ts) - +new Date(b.ts));
        const views = await present(q, fresh);
        return eventLog.appendWithin(
          q,
          fresh.map((r, i): ChangeOf<'violation.new'> => ({
            topic: 'violation.new',
            areaId: r.area_id,
            tier: r.tier as Tier,
            data: views[i]!,
          })),
        );
      });
      eventLog.publish(items);
      if (page.items.length < POLL_BATCH) return;
    }
  }

  function poll(): Promise<void> {
    if (polling) {
      pollAgain = true;
      return polling;
    }
    polling = (async () => {
      do {
        pollAgain = false;
        try {
          await pollOnce();
        } catch (err) {
          logger.warn({ err: (err as Error).message }, 'violation service poll failed');
        }
      } while (pollAgain && !stopped);
    })().finally(() => {
      polling = null;
    });
    return polling;
  }

  async function decisionFor(final: ReviewRow): Promise<ServiceDecision> {
    const reviews = await selectReviews(db, [final.violation_id]);
    const maker =
      final.action === 'approve'
        ? [...reviews].reverse().find((r) => r.action === 'verify' && r.id < final.id)
        : final;
    const body = {
      decision: final.status_after === 'verified' ? ('verified' as const) : ('rejected' as const),
      reasonCode: final.reason_code,
      plate: final.plate_after,
      note: final.note,
      decidedBy: { id: (maker ?? final).actor_id, name: (maker ?? final).actor_name },
      approvedBy: final.action === 'approve' ? { id: final.actor_id, name: final.actor_name } : null,
      decidedAt: new Date(final.at).toISOString(),
    };
    // Signed at the decision's own time, so every retry carries the very same (deterministic) signature.
    return { ...body, signature: signer.sign(PURPOSE.decision, body, body.decidedAt) };
  }

  /** Sends due final decisions to the violation service; failures back off and are retried. */
  function deliver(): Promise<void> {
    delivering ??= (async () => {
      try {
        const due = await claimDeliveries(db, DELIVERY_BATCH, DELIVERY_LEASE_SECONDS);
        for (const review of due) {
          try {
            await port.decide(review.violation_id, await decisionFor(review));
            await markDelivered(db, review.id);
          } catch (err) {
            const message = (err as Error).message;
            logger.warn({ violationId: review.violation_id, err: message }, 'decision delivery failed');
            await markDeliveryFailed(db, review.id, message, retryDelaySeconds(review.sync_attempts + 1));
          }
        }
      } catch (err) {
        logger.warn({ err: (err as Error).message }, 'decision delivery round failed');
      }
    })().finally(() => {
      delivering = null;
    });
    return delivering;
  }

  function can(p: Principal, permission: 'violation:review' | 'violation:approve'): boolean {
    return p.permissions.includes(permission);
  }

  return {
    async start(): Promise<void> {
      unsubscribe = port.onAvailable(() => void poll());
      await poll();
      pollTimer = setInterval(() => void poll(), deps.pollMs);
      pollTimer.unref();
      deliveryTimer = setInterval(() => void deliver(), 2000);
      deliveryTimer.unref();
    },

    async stop(): Promise<void> {
      stopped = true;
      unsubscribe?.();
      if (pollTimer) clearInterval(pollTimer);
      if (deliveryTimer) clearInterval(deliveryTimer);
      await polling;
      await delivering;
    },

    /** Takes in the violation service's new records now (tests and drills; normally a timer and nudges do). */
    poll,
    deliver,

    async list(
      p: Principal,
      query: Omit<ViolationListQuery, 'limit'> & { limit: number },
    ): Promise<ViolationPage> {
      let before: { ts: string; id: string } | undefined;
      if (query.before) {
        const [ts, id] = query.before.split('|');
        if (!ts || !id || Number.isNaN(Date.parse(ts)))
          throw badRequest('Invalid cursor', { before: 'not a cursor' });
        before = { ts, id };
      }
      const rows = await selectViolationPage(
        db,
        scopeOf(p),
        {
          status: query.status,
          type: query.type,
          before,
          area: query.area,
          road: query.road,
          camera: query.camera,
          // Local (UTC+7) days, both included, as the dashboards count them.
          from: query.from ? new Date(`${query.from}T00:00:00+07:00`).toISOString() : undefined,
          to: query.to
            ? new Date(Date.parse(`${query.to}T00:00:00+07:00`) + 86_400_000).toISOString()
            : undefined,
        },
        query.limit + 1,
      );
      const page = rows.slice(0, query.limit);
      const items = await present(db, page);
      const last = page[page.length - 1];
      return {
        items,
        nextCursor:
          rows.length > query.limit && last ? `${new Date(last.ts).toISOString()}|${last.id}` : null,
      };
    },

    async counts(p: Principal): Promise<ViolationCounts> {
      const counts = await selectStatusCounts(db, scopeOf(p));
      return {
        pending: counts.pending ?? 0,
        awaiting_approval: counts.awaiting_approval ?? 0,
        verified: counts.verified ?? 0,
        rejected: counts.rejected ?? 0,
      };
    },

    /** One violation with its evidence (received and sealed on first open) and its signed decisions. */
    async detail(p: Principal, id: string): Promise<ViolationDetail> {
      const row = await selectViolation(db, id, scopeOf(p));
      if (!row) throw notFound('Violation');
      // The answer does not wait for the evidence: files are sealed as they are fetched (here in the background,
      // and by the evidence route as the console loads them), and a decision waits for all of them.
      const seals = await selectSeals(db, id);
      if (seals.size < row.record.evidence.length)
        void vault
          .sealAll(row)
          .catch((err: unknown) =>
            logger.warn({ id, err: (err as Error).message }, 'evidence could not be fetched'),
          );
      const reviews = await selectReviews(db, [id]);
      const [view] = await present(db, [row]);
      return {
        ...view!,
        evidence: vault.items(row, seals),
        reviews: await Promise.all(
          reviews.map(async (r) =>
            toReview(r, await signer.check(PURPOSE.review, signedReviewBody(r), signatureOf(r))),
          ),
        ),
        makerChecker: (await makerChecker()).makerChecker,
      };
    },

    async decide(
      p: Principal,
      id: string,
      decision: ViolationDecision,
      ip: string | null,
    ): Promise<ViolationDetail> {
      const needs =
        decision.action === 'approve' || decision.action === 'return'
          ? 'violation:approve'
          : 'violation:review';
      if (!can(p, needs)) throw forbidden(`Requires permission ${needs}`);
      const scope = scopeOf(p);
      const before = await selectViolation(db, id, scope);
      if (!before) throw notFound('Violation');
      // The reviewer decides on evidence the center has received and sealed; the decision names those hashes.
      const seals = await vault.sealAll(before);

      const items = await db.tx(async (q) => {
        await lockViolation(q, id);
        const row = (await selectViolation(q, id, scope))!;
        const settings = await makerChecker(q);
        const status = row.status;
        let next: ViolationStatus;
        let plateAfter = row.plate;
        switch (decision.action) {
          case 'verify':
            if (status !== 'pending') throw conflict(`Violation is ${status}, not pending`);
            if (decision.plate) plateAfter = decision.plate;
            next = settings.makerChecker ? 'awaiting_approval' : 'verified';
            break;
          case 'reject':
            if (status !== 'pending') throw conflict(`Violation is ${status}, not pending`);
            next = 'rejected';
            break;
          case 'approve':
          case 'return': {
            if (status !== 'awaiting_approval')
              throw conflict(`Violation is ${status}, not awaiting approval`);
            const reviews = await selectReviews(q, [id]);
            const maker = [...reviews].reverse().find((r) => r.action === 'verify');
            if (maker?.actor_id === p.user.id)
              throw forbidden('Maker–checker: the second approval must come from a different person');
            next = decision.action === 'approve' ? 'verified' : 'pending';
            break;
          }
        }
        const at = new Date().toISOString();
        const reviewBody = {
          violationId: id,
          action: decision.action,
          reasonCode: 'reasonCode' in decision ? decision.reasonCode : null,
          note: decision.note ?? null,
          plateBefore: row.plate,
          plateAfter,
          actor: { id: p.user.id, name: p.user.displayName, role: p.user.role },
          at,
          evidence: row.record.evidence.map((e) => ({
            name: e.name,
            sha256: seals.get(e.name)?.sha256 ?? null,
          })),
          statusAfter: next,
          recordDigest: digestOf(signedViolationBody(row)),
        };
        const signature = signer.sign(PURPOSE.review, reviewBody, at);
        await insertReview(q, {
          ...reviewBody,
          signature,
          deliver: next === 'verified' || next === 'rejected',
        });
        await q.query(
          'UPDATE violations SET status = $2, plate = $3, plate_norm = $4, updated_at = now() WHERE id = $1',
          [id, next, plateAfter, normalizePlate(plateAfter)],
        );
        await audit.record(
          {
            actorId: p.user.id,
            actorName: p.user.username,
            action: `violation.${decision.action}`,
            target: id,
            ip,
            detail: {
              from: status,
              to: next,
              reasonCode: reviewBody.reasonCode,
              plateBefore: row.plate,
              plateAfter,
              signature: { keyId: signature.keyId, signedAt: signature.signedAt },
            },
          },
          q,
        );
        const updated = (await selectViolationsByIds(q, [id]))[0]!;
        const [view] = await present(q, [updated], true);
        return eventLog.appendWithin(q, [
          { topic: 'violation.changed', areaId: updated.area_id, tier: updated.tier as Tier, data: view! },
        ]);
      });
      eventLog.publish(items);
      void deliver();
      return this.detail(p, id);
    },

    settings: () => makerChecker(),

    async updateSettings(p: Principal, on: boolean, ip: string | null): Promise<ViolationSettings> {
      await db.tx(async (q) => {
        await upsertMakerChecker(q, on, p.user.username);
        await audit.record(
          {
            actorId: p.user.id,
            actorName: p.user.username,
            action: 'violation.settings',
            target: 'maker_checker',
            ip,
            detail: { makerChecker: on },
          },
          q,
        );
      });
      return makerChecker();
    },

    /** Rows for the evidence component (packages) and investigation, within the caller's scope. */
    row: (p: Principal, id: string) => selectViolation(db, id, scopeOf(p)),
    reviewsOf: (id: string) => selectReviews(db, [id]),
  };
}
export type ViolationReviewService = ReturnType<typeof createViolationReview>;
