import { z } from 'zod';
import { isoTime } from './common';
import { eventTypeSchema } from './event';

/** P1 is the most urgent (mức độ ưu tiên). */
export const prioritySchema = z.enum(['P1', 'P2', 'P3', 'P4']);
export type Priority = z.infer<typeof prioritySchema>;

export const alertStatusSchema = z.enum(['open', 'acknowledged', 'assigned', 'escalated', 'resolved']);
export type AlertStatus = z.infer<typeof alertStatusSchema>;

/** An alert (cảnh báo) raised by a rule from one or more events, handled through its SOP. */
export const alertSchema = z.object({
  id: z.string(),
  priority: prioritySchema,
  status: alertStatusSchema,
  type: eventTypeSchema,
  title: z.string(),
  cameraId: z.string().nullable(),
  eventId: z.string().nullable(),
  areaId: z.string(),
  count: z.number().int().positive(),
  createdAt: isoTime,
  acknowledgedAt: isoTime.nullable(),
  acknowledgedBy: z.string().nullable(),
});
export type Alert = z.infer<typeof alertSchema>;
