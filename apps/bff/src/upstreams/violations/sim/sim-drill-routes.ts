import { Router } from 'express';
import { z } from 'zod';
import { plateSchema, violationTypeSchema } from '@c2/api-client/schemas/violation';
import { handle, parseInput } from '../../../platform/http';
import type { SimJourneys } from '../../analytics/sim/sim-journeys';

const body = z.object({
  plate: plateSchema.optional(),
  sightings: z.number().int().min(2).max(12).default(5),
  violation: violationTypeSchema.optional(),
});

/**
 * Drill of the simulated province (embedded mode only): a vehicle that has just driven past several cameras of a
 * road, optionally committing a violation at the last one, for training investigators and reviewers. Answers
 * once its events are stored and its violation (if any) is in the review queue.
 */
export function createSimJourneyRoutes(journeys: SimJourneys, afterDrive: () => Promise<void>): Router {
  const router = Router();
  router.post(
    '/journeys',
    handle(async (req, res) => {
      const input = parseInput(body, req.body, 'journey');
      const { plate, events } = await journeys.drive(input);
      await afterDrive();
      const violated = events.filter((e) => e.type !== 'object');
      res.status(201).json({
        plate,
        eventIds: events.map((e) => e.id),
        cameraIds: events.map((e) => e.cameraId),
        violationIds: violated.map((e) => `vp-${e.id}`),
      });
    }),
  );
  return router;
}
