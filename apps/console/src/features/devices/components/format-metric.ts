import type { TFunction } from 'i18next';
import type { MetricKey } from '@c2/api-client/schemas/device';

const UNIT: Record<MetricKey, 'pct' | 'c' | 'ms' | 'kbps' | 'fps'> = {
  cpuPct: 'pct',
  memPct: 'pct',
  tempC: 'c',
  storagePct: 'pct',
  latencyMs: 'ms',
  lossPct: 'pct',
  bitrateKbps: 'kbps',
  fps: 'fps',
};
const DIGITS: Record<MetricKey, number> = {
  cpuPct: 0,
  memPct: 0,
  tempC: 0,
  storagePct: 0,
  latencyMs: 1,
  lossPct: 1,
  bitrateKbps: 0,
  fps: 0,
};

/** A reading with its unit in the user's language; a missing reading is a dash. */
export function formatMetric(t: TFunction, language: string, key: MetricKey, value: number | null): string {
  if (value === null) return t('devices.none');
  const v = value.toLocaleString(language, { maximumFractionDigits: DIGITS[key], minimumFractionDigits: 0 });
  return t(`devices.unit.${UNIT[key]}`, { v });
}
