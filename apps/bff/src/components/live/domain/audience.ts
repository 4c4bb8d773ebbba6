import { LOG_TOPICS, type LogTopic } from '@c2/api-client/schemas/live';
import { TOPIC_PERMISSION } from '@c2/api-client/permissions';
import type { Permission } from '@c2/api-client/schemas/role';
import type { Classification } from '@c2/api-client/schemas/camera';

/** The classification level needed to read a record: 0 public, 1 restricted, 2 secret. */
export type Tier = 0 | 1 | 2;

export function tierOf(classification: Classification): Tier {
  return classification === 'secret' ? 2 : classification === 'restricted' ? 1 : 0;
}

/** Who may see what of the live log: topics by permission, tiers by clearance, areas by jurisdiction. */
export interface Audience {
  topics: LogTopic[];
  maxTier: Tier;
  /** null: province-wide. */
  areas: string[] | null;
}

export function audienceOf(permissions: readonly Permission[], areas: string[] | null): Audience {
  const has = (p: Permission) => permissions.includes(p);
  return {
    topics: LOG_TOPICS.filter((t) => has(TOPIC_PERMISSION[t])),
    maxTier: has('camera:view-secret') ? 2 : has('camera:view-restricted') ? 1 : 0,
    areas,
  };
}

/*
 * Room naming. An entry goes to exactly one room a given socket can be in: province-wide sockets join `all`, area
 * sockets join `a:<area>`, everyone joins `any` (entries with no area). So per-room batches never reach a socket
 * twice, and the replay query below selects exactly what these rooms would have delivered.
 */
export function roomsForEntry(topic: string, tier: Tier, areaId: string | null): string[] {
  return areaId === null
    ? [`${topic}|${tier}|any`]
    : [`${topic}|${tier}|all`, `${topic}|${tier}|a:${areaId}`];
}

export function roomsForAudience(audience: Audience): string[] {
  const rooms: string[] = [];
  for (const topic of audience.topics) {
    for (let tier = 0; tier <= audience.maxTier; tier++) {
      rooms.push(`${topic}|${tier}|any`);
      if (audience.areas === null) rooms.push(`${topic}|${tier}|all`);
      else for (const area of audience.areas) rooms.push(`${topic}|${tier}|a:${area}`);
    }
  }
  return rooms;
}

/** Rooms for ephemeral unit positions (not in the log). */
export function positionRoomsForEntry(areaId: string): string[] {
  return ['unit.position|all', `unit.position|a:${areaId}`];
}
export function positionRoomsForAudience(audience: Audience): string[] {
  if (!audience.topics.includes('unit.changed')) return [];
  return audience.areas === null ? ['unit.position|all'] : audience.areas.map((a) => `unit.position|a:${a}`);
}
