import type { Channel } from '@c2/api-client/schemas/alert';
import type { NotifyAdapter } from '../notify-port';

/**
 * Embedded mode: a channel with no real gateway configured delivers into the outbox table itself, where
 * administrators read it in the console (Quản trị › Hộp thư đi). Nothing leaves the machine.
 */
export function createLocalOutboxAdapter(channel: Channel): NotifyAdapter {
  return {
    channel,
    transport: channel === 'in_app' ? 'in-app' : 'local',
    async send() {
      return { ok: true, providerId: null };
    },
  };
}
