import { useTranslation } from 'react-i18next';
import { unitStatusSchema } from '@c2/api-client/schemas/unit';
import { Panel } from '@c2/ui/components/panel/panel';
import { StatGrid, StatTile } from '@c2/ui/components/stat-tile/stat-tile';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { testIds } from '@c2/ui/test-ids';
import { useCameraSummary, useRecentEvents, useUnits } from '../api/overview-data';
import './overview-page.css';

const CAMERA_TILES = [
  { state: 'online', tone: 'ok' },
  { state: 'degraded', tone: 'warn' },
  { state: 'offline', tone: 'danger' },
  { state: 'unknown', tone: 'neutral' },
] as const;
const SEVERITY_TONE = { info: 'neutral', minor: 'info', major: 'warn', critical: 'danger' } as const;

/**
 * The shift's first glance: cameras by state, the latest AI events, field units by status (for those who may see
 * units). Cameras of unknown state (the VMS stopped answering) get a tile only while there are some.
 */
export function OverviewPage({ canSeeUnits }: { canSeeUnits: boolean }) {
  const { t, i18n } = useTranslation();
  const summary = useCameraSummary();
  const events = useRecentEvents();
  const units = useUnits(canSeeUnits);
  const format = (n: number) => n.toLocaleString(i18n.language);
  const time = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language);

  return (
    <div className="c2-overview" data-testid={testIds.overview.page}>
      <Panel title={t('overview.cameras')} testId={testIds.overview.cameraSummary}>
        <StatGrid>
          <StatTile
            label={t('overview.total')}
            value={summary.data?.total ?? 0}
            formatValue={format}
            testId={testIds.overview.cameraCount('total')}
          />
          {CAMERA_TILES.filter((c) => c.state !== 'unknown' || (summary.data?.unknown ?? 0) > 0).map(
            ({ state, tone }) => (
              <StatTile
                key={state}
                label={t(`camera.state.${state}`)}
                value={summary.data?.[state] ?? 0}
                formatValue={format}
                tone={tone}
                testId={testIds.overview.cameraCount(state)}
              />
            ),
          )}
        </StatGrid>
      </Panel>
      {canSeeUnits ? (
        <Panel title={t('overview.units')} testId={testIds.overview.units}>
          <StatGrid>
            {unitStatusSchema.options.map((s) => (
              <StatTile
                key={s}
                label={t(`unit.status.${s}`)}
                value={(units.data ?? []).filter((u) => u.status === s).length}
                formatValue={format}
                testId={testIds.overview.unitCount(s)}
              />
            ))}
          </StatGrid>
        </Panel>
      ) : null}
      <Panel title={t('overview.events')} testId={testIds.overview.events} className="c2-overview__events">
        {events.data && events.data.length > 0 ? (
          <ol className="c2-overview__event-list">
            {events.data.map((e) => (
              <li
                key={e.id}
                className="c2-overview__event"
                data-testid={testIds.overview.eventItem}
                data-severity={e.severity}
              >
                <time dateTime={e.ts}>{time(e.ts)}</time>
                <span className={`c2-overview__severity c2-overview__severity--${SEVERITY_TONE[e.severity]}`}>
                  {t(`event.severity.${e.severity}`)}
                </span>
                <span className="c2-overview__event-type">{t(`event.type.${e.type}`)}</span>
                <span className="c2-overview__event-where">
                  {e.cameraId}
                  {e.plate ? ` · ${e.plate}` : ''}
                </span>
                {e.delayed && <span className="c2-overview__delayed">{t('overview.delayed')}</span>}
              </li>
            ))}
          </ol>
        ) : (
          <EmptyState title={t('overview.noEvents')} />
        )}
      </Panel>
    </div>
  );
}
