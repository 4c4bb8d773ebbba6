import type { Alert } from '@c2/api-client/schemas/alert';

/** A complete open alert for unit tests; `p` overrides any field. */
export function alertFixture(p: Partial<Alert> & { id: string }): Alert {
  const at = p.createdAt ?? new Date().toISOString();
  return {
    priority: 'P2',
    status: 'open',
    type: 'wrong_way',
    severity: 'major',
    title: 'Xe đi ngược chiều',
    ruleId: null,
    cameraId: 'cam-0042',
    cameraName: null,
    eventId: 'ev-1',
    areaId: 'a1',
    count: 1,
    snapshot: null,
    createdAt: at,
    lastEventAt: at,
    updatedAt: at,
    acknowledgedAt: null,
    acknowledgedBy: null,
    assigneeId: null,
    assigneeName: null,
    assignedAt: null,
    escalationLevel: 0,
    escalatedAt: null,
    slaDeadline: null,
    slaBreached: false,
    resolvedAt: null,
    resolvedBy: null,
    outcomeNote: null,
    sop: null,
    ...p,
  };
}
