/** "4:05" or "1:02:03" for a span of milliseconds (its absolute value). */
export function clock(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export const PRIORITY_TONE = { P1: 'danger', P2: 'warn', P3: 'info', P4: 'neutral' } as const;
