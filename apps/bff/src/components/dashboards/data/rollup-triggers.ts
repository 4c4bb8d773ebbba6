import type { Queryable } from '../../../platform/db';

/**
 * Switches every rollup trigger (migrations 080 and 084: `dash_*` on inserts, updates and deletes) of the raw
 * violations and AI events on or off. For bulk work only: a load with them off is followed by dash_rebuild(), and
 * rows inserted with them off must be deleted with them off, or the rollups drift.
 */
export async function setRawRollupTriggers(q: Queryable, on: boolean): Promise<void> {
  const rows = await q.query<{ tbl: string; name: string }>(
    `SELECT c.relname AS tbl, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relname IN ('violations', 'analytics_events')
       AND t.tgname LIKE 'dash\\_%' AND NOT t.tgisinternal`,
  );
  for (const r of rows) await q.query(`ALTER TABLE ${r.tbl} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${r.name}`);
}
