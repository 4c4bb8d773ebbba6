import { useTranslation } from 'react-i18next';
import type { Sighting } from '@c2/api-client/schemas/investigate';
import { testIds } from '@c2/ui/test-ids';

const W = 1000;
const H = 64;
const PAD = 24;

/**
 * The sightings on a time axis: one dot per sighting (violations red), ticks at the range's ends. Clicking a dot
 * selects the sighting, as in the list.
 */
export function SightingsTimeline({
  sightings,
  from,
  to,
  selectedId,
  onSelect,
}: {
  sightings: readonly Sighting[];
  from: number;
  to: number;
  selectedId: string | null;
  onSelect: (eventId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const first = sightings.length > 0 ? Date.parse(sightings[0]!.ts) : from;
  const last = sightings.length > 0 ? Date.parse(sightings[sightings.length - 1]!.ts) : to;
  // Zoom the axis to the sightings (with a margin) so a path of a few minutes is not one dot on a day's axis.
  const span = Math.max(last - first, 60_000);
  const start = Math.max(from, first - span * 0.1);
  const end = Math.min(to, last + span * 0.1);
  const x = (ts: number) => PAD + ((ts - start) / Math.max(end - start, 1)) * (W - 2 * PAD);
  const label = (ms: number) =>
    new Date(ms).toLocaleString(i18n.language, {
      day: '2-digit',
      month: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
  return (
    <svg
      className="c2-timeline"
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      role="group"
      aria-label={t('investigate.timeline')}
      data-testid={testIds.investigate.timeline}
    >
      <line x1={PAD} x2={W - PAD} y1={H / 2} y2={H / 2} className="c2-timeline__axis" />
      <text x={PAD} y={H - 4} className="c2-timeline__label">
        {label(start)}
      </text>
      <text x={W - PAD} y={H - 4} textAnchor="end" className="c2-timeline__label">
        {label(end)}
      </text>
      {sightings.map((s, i) => (
        <circle
          key={s.eventId}
          cx={x(Date.parse(s.ts))}
          cy={H / 2}
          r={s.eventId === selectedId ? 8 : 5}
          className={`c2-timeline__dot${s.violationId ? ' c2-timeline__dot--violation' : ''}`}
          data-testid={testIds.investigate.timelineDot}
          onClick={() => onSelect(s.eventId)}
        >
          <title>{`${i + 1}. ${new Date(s.ts).toLocaleTimeString(i18n.language)} · ${s.cameraName} · ${t(`event.type.${s.type}`)}`}</title>
        </circle>
      ))}
    </svg>
  );
}
