import type { IncidentState } from '@c2/api-client/schemas/incident';
import type { Priority } from '@c2/api-client/schemas/alert';
import type { UnitStatus } from '@c2/api-client/schemas/unit';
import type { StatusTone } from '@c2/ui/components/status-dot/status-dot';

export const PRIORITY_TONE: Record<Priority, StatusTone> = {
  P1: 'danger',
  P2: 'warn',
  P3: 'info',
  P4: 'neutral',
};

export const STATE_TONE: Record<IncidentState, StatusTone> = {
  open: 'danger',
  acknowledged: 'warn',
  dispatched: 'info',
  on_scene: 'ok',
  resolved: 'neutral',
  closed: 'neutral',
};

export const UNIT_TONE: Record<UnitStatus, StatusTone> = {
  available: 'ok',
  assigned: 'warn',
  en_route: 'info',
  on_scene: 'danger',
  returning: 'neutral',
  out_of_service: 'neutral',
};
