import { PERMISSION_MATRIX, permissionsOf } from '@c2/api-client/permissions';
import type { AnalyticalDashboard, StrategicDashboard } from '@c2/api-client/schemas/dashboard';
import type { Role } from '@c2/api-client/schemas/role';
import type { Db, Queryable } from '../../../platform/db';
import type { Logger } from '../../../platform/logger';
import type { NewMessage } from '../../../upstreams/notify/notify-outbox';
import { audienceOf } from '../../live/domain/audience';
import type { DashboardService } from './dashboard-service';
import { addDays, localToday } from './kpi-math';

/** The part of the notification outbox the summary needs. */
export interface SummaryOutbox {
  enqueueWithin(q: Queryable, messages: readonly NewMessage[]): Promise<void>;
  wake(): void;
}

const LABELS = {
  vi: {
    subject: (day: string) => `Báo cáo tổng hợp ngày ${day}`,
    intro: (day: string) => `Tổng hợp số liệu ngày ${day} của Trung tâm chỉ huy giao thông.`,
    violations: 'Vi phạm ghi nhận',
    reviewed: 'Đã xử lý',
    verified: 'Đã xác minh',
    events: 'Sự kiện AI',
    congestion: 'Sự kiện ùn tắc',
    roads: 'Tuyến nhiều vi phạm nhất',
    kpis: 'Chỉ số KPI (so với chỉ tiêu)',
    status: { good: 'Đạt', bad: 'Chưa đạt', unknown: 'Chưa có số liệu' },
    kpi: {
      coverage_ward: 'Phường có camera',
      coverage_commune: 'Xã có camera',
      camera_availability: 'Camera hoạt động',
      reviewed_in_sla: 'Vi phạm xử lý đúng hạn',
      accident_change: 'Tai nạn so với bình quân 2020–2025',
      response_avg: 'Phản ứng trung bình',
      response_p90: 'Phản ứng p90',
      sop_compliance: 'Tuân thủ SOP',
    },
    minutes: 'phút',
    footer: 'Xem chi tiết và đào sâu dữ liệu trên bảng điều khiển.',
  },
  en: {
    subject: (day: string) => `Daily summary for ${day}`,
    intro: (day: string) => `The traffic command center's figures for ${day}.`,
    violations: 'Violations recorded',
    reviewed: 'Processed',
    verified: 'Verified',
    events: 'AI events',
    congestion: 'Congestion events',
    roads: 'Roads with most violations',
    kpis: 'KPIs (against targets)',
    status: { good: 'Met', bad: 'Not met', unknown: 'No data yet' },
    kpi: {
      coverage_ward: 'Wards with cameras',
      coverage_commune: 'Communes with cameras',
      camera_availability: 'Camera availability',
      reviewed_in_sla: 'Violations processed within SLA',
      accident_change: 'Accidents vs 2020–2025 average',
      response_avg: 'Average response',
      response_p90: 'Response p90',
      sop_compliance: 'SOP compliance',
    },
    minutes: 'min',
    footer: 'Open the dashboards for details and drill-down.',
  },
} as const;

/** The summary as plain text in the reader's language (numbers and dates written as they read them). */
export function renderSummary(
  day: string,
  locale: 'vi' | 'en',
  analytical: AnalyticalDashboard,
  strategic: StrategicDashboard,
): { subject: string; body: string } {
  const L = LABELS[locale];
  const intl = locale === 'vi' ? 'vi-VN' : 'en-GB';
  const n = (v: number | null) => (v === null ? '—' : v.toLocaleString(intl, { maximumFractionDigits: 1 }));
  const date = new Date(`${day}T00:00:00+07:00`).toLocaleDateString(intl, { timeZone: 'Asia/Ho_Chi_Minh' });
  const t = analytical.totals;
  const lines = [
    L.intro(date),
    '',
    `${L.violations}: ${n(t.violations)}`,
    `${L.reviewed}: ${n(t.reviewed)} · ${L.verified}: ${n(t.verified)}`,
    `${L.events}: ${n(t.events)} · ${L.congestion}: ${n(t.congestion)}`,
    '',
    `${L.roads}:`,
    ...analytical.byRoad.slice(0, 3).map((r) => `  - ${r.name}: ${n(r.count)}`),
    '',
    `${L.kpis}:`,
    ...strategic.kpis.map((k) => {
      const show = (v: number) =>
        k.unit === 'pct' ? `${n(v)}%` : `${n(Math.round(v / 6) / 10)} ${L.minutes}`;
      return `  - ${L.kpi[k.key]}: ${k.value === null ? '—' : show(k.value)} (${show(k.target)}) — ${L.status[k.status]}`;
    }),
    '',
    L.footer,
  ];
  return { subject: L.subject(date), body: lines.join('\n') };
}

const LEADER_ROLES = (Object.keys(PERMISSION_MATRIX) as Role[]).filter((r) =>
  PERMISSION_MATRIX[r].includes('dashboard:strategic'),
);

/**
 * The daily summary: yesterday's dashboards e-mailed to every leader (within each one's own jurisdiction) through
 * the durable notification outbox, once per day across all BFF instances (the day is claimed by an insert).
 */
export function createDailySummary(deps: {
  db: Db;
  dashboards: DashboardService;
  outbox: SummaryOutbox;
  logger: Logger;
  /** Local hour from which yesterday's summary goes out; -1: only on request. */
  hour: number;
  now?: () => Date;
}) {
  const { db, dashboards, outbox, logger } = deps;
  const now = deps.now ?? (() => new Date());
  let timer: NodeJS.Timeout | null = null;

  async function send(day: string, by: string | null): Promise<{ day: string; recipients: number } | null> {
    // Cheap check first (the timer asks every minute); the insert below is what decides.
    const done = await db.query('SELECT 1 FROM dash_daily_summaries WHERE day = $1', [day]);
    if (done.length > 0) return null;
    const people = await db.query<{
      id: string;
      display_name: string;
      role: Role;
      areas: string[] | null;
      locale: 'vi' | 'en';
      email: string | null;
    }>(
      `SELECT u.id, u.display_name, u.role, u.areas, u.locale, c.email FROM users u
       LEFT JOIN user_contacts c ON c.user_id = u.id
       WHERE NOT u.disabled AND u.role = ANY($1::text[]) ORDER BY u.id`,
      [LEADER_ROLES],
    );
    const messages: NewMessage[] = [];
    for (const p of people) {
      const a = audienceOf(permissionsOf(p.role), p.areas);
      const scope = { maxTier: a.maxTier, areas: a.areas };
      const q = { from: day, to: day, granularity: 'day' as const };
      const [analytical, strategic] = await Promise.all([
        dashboards.analytical(scope, q),
        dashboards.strategic(scope, q),
      ]);
      const { subject, body } = renderSummary(day, p.locale === 'en' ? 'en' : 'vi', analytical, strategic);
      messages.push({
        alertId: null,
        channel: 'email',
        recipientId: p.id,
        recipientName: p.display_name,
        address: p.email,
        subject,
        body,
        ackUrl: null,
        params: {},
        reason: `daily summary ${day}`,
      });
    }
    const claimed = await db.tx(async (tx) => {
      const rows = await tx.query<{ day: string }>(
        `INSERT INTO dash_daily_summaries (day, sent_by, recipients) VALUES ($1, $2, $3)
         ON CONFLICT (day) DO NOTHING RETURNING day::text`,
        [day, by, messages.length],
      );
      if (rows.length === 0) return false;
      await outbox.enqueueWithin(tx, messages);
      return true;
    });
    if (!claimed) return null;
    outbox.wake();
    logger.info({ day, recipients: messages.length }, 'daily dashboard summary queued');
    return { day, recipients: messages.length };
  }

  async function tick(): Promise<void> {
    const at = now();
    const localHour = new Date(at.getTime() + 7 * 3_600_000).getUTCHours();
    if (deps.hour < 0 || localHour < deps.hour) return;
    await send(addDays(localToday(at), -1), null);
  }

  return {
    send,
    start(): void {
      if (deps.hour < 0 || timer) return;
      const run = () => void tick().catch((err: unknown) => logger.warn({ err }, 'daily summary failed'));
      timer = setInterval(run, 60_000);
      timer.unref();
      run();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

export type DailySummary = ReturnType<typeof createDailySummary>;
