import { MIN_ACCIDENT_DAYS, type Granularity } from '@c2/api-client/schemas/dashboard';

/** Width of one response-time histogram bucket (migration 080). */
export const RESPONSE_BUCKET_SECONDS = 30;

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

/** Today's date in Vietnam (UTC+7 all year). */
export function localToday(now: Date): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The same-length period that ends the day before `from`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const n = dayCount(from, to);
  const prevTo = addDays(from, -1);
  return { from: addDays(prevTo, -(n - 1)), to: prevTo };
}

/**
 * Every bucket start (ISO) of a local-day range, so a chart shows the empty hours and days as zeros rather than
 * skipping them. Weeks start on Monday, as in Vietnam.
 */
export function bucketStarts(from: string, to: string, granularity: Granularity): string[] {
  const start = Date.parse(`${from}T00:00:00+07:00`);
  const end = Date.parse(`${addDays(to, 1)}T00:00:00+07:00`);
  const out: string[] = [];
  if (granularity === 'hour') {
    for (let t = start; t < end; t += 3_600_000) out.push(new Date(t).toISOString());
    return out;
  }
  let day = from;
  if (granularity === 'week') {
    const dow = (new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
    day = addDays(from, -dow);
  }
  const step = granularity === 'week' ? 7 : 1;
  for (; day <= to; day = addDays(day, step)) out.push(new Date(`${day}T00:00:00+07:00`).toISOString());
  return out;
}

/**
 * The p-th percentile of a histogram of fixed-width buckets, as the upper edge of the bucket where the
 * cumulative count reaches p (a conservative reading: the true value is at most this). Null when empty.
 */
export function percentileFromHistogram(
  buckets: ReadonlyArray<{ bucket: number; n: number }>,
  p: number,
  width = RESPONSE_BUCKET_SECONDS,
): number | null {
  const total = buckets.reduce((s, b) => s + b.n, 0);
  if (total <= 0) return null;
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (const b of [...buckets].sort((a, c) => a.bucket - c.bucket)) {
    seen += b.n;
    if (seen >= rank) return (b.bucket + 1) * width;
  }
  return null;
}

/** a / b as a percentage rounded to 0.1, or null when b is 0. */
export function pct(a: number, b: number): number | null {
  return b > 0 ? Math.round((a / b) * 1000) / 10 : null;
}

/**
 * Accidents over `days` of recording scaled to a year, and the change against the baseline year in percent; both
 * null with fewer than MIN_ACCIDENT_DAYS recorded (a quiet first day is no data, not a 100 % fall).
 */
export function accidentChange(
  accidents: number,
  days: number,
  baselinePerYear: number,
): { perYear: number | null; changePct: number | null } {
  if (days < MIN_ACCIDENT_DAYS) return { perYear: null, changePct: null };
  const perYear = Math.round((accidents * 365 * 10) / days) / 10;
  const changePct =
    baselinePerYear > 0 ? Math.round(((perYear - baselinePerYear) / baselinePerYear) * 1000) / 10 : null;
  return { perYear, changePct };
}

/**
 * Splits a range of local days into a run of months read from the monthly rollup, and day ranges read from the
 * daily one, each added (sign 1) or taken away (sign -1). Each month the range touches is read the cheaper way:
 * by its days in the range, or, when those are more than half the month, as the whole month less the days outside
 * the range. `months` is null when no month is read whole.
 */
export function splitMonths(
  from: string,
  to: string,
): {
  months: { from: string; to: string } | null;
  days: Array<{ from: string; to: string; sign: 1 | -1 }>;
} {
  const nextMonth = (d: string) => {
    const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
    return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  };
  const days: Array<{ from: string; to: string; sign: 1 | -1 }> = [];
  let first: string | null = null;
  let last: string | null = null;
  for (let m = `${from.slice(0, 7)}-01`; m <= to; m = nextMonth(m)) {
    const end = addDays(nextMonth(m), -1);
    const a = from > m ? from : m;
    const b = to < end ? to : end;
    const inside = dayCount(a, b);
    if (dayCount(m, end) - inside < inside) {
      first ??= m;
      last = end;
      if (a > m) days.push({ from: m, to: addDays(a, -1), sign: -1 });
      if (b < end) days.push({ from: addDays(b, 1), to: end, sign: -1 });
    } else days.push({ from: a, to: b, sign: 1 });
  }
  return { months: first && last ? { from: first, to: last } : null, days };
}
