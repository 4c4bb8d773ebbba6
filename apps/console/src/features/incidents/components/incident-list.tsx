import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '@c2/api-client/schemas/incident';
import { Badge } from '@c2/ui/components/badge/badge';
import { Button } from '@c2/ui/components/button/button';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Panel } from '@c2/ui/components/panel/panel';
import { SegmentedControl } from '@c2/ui/components/segmented-control/segmented-control';
import { testIds } from '@c2/ui/test-ids';
import { formatDuration } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';
import { useIncidents } from '../api/get-incidents';
import { useAbilities } from './abilities';
import { PRIORITY_TONE, STATE_TONE } from './tones';

type Scope = 'open' | 'closed';

/** Incidents in hand (or closed ones), most urgent first; each shows how long since it was first reported. */
export function IncidentList({
  selectedId,
  onSelect,
  onCreate,
}: {
  selectedId: string | null;
  onSelect: (id: string) => void;
  onCreate: () => void;
}) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<Scope>('open');
  const incidents = useIncidents(scope);
  const now = useNow();
  const can = useAbilities();

  return (
    <Panel
      title={t('incidents.list')}
      testId={testIds.incidents.list}
      className="c2-incidents__list"
      actions={
        <SegmentedControl<Scope>
          label={t('incidents.scopeLabel')}
          value={scope}
          onChange={setScope}
          options={(['open', 'closed'] as const).map((s) => ({
            value: s,
            label: t(`incidents.scope.${s}`),
            testId: testIds.incidents.scope(s),
          }))}
        />
      }
    >
      {can.manage && (
        <Button
          size="sm"
          variant="secondary"
          className="c2-incidents__manual"
          onClick={onCreate}
          data-testid={testIds.incidents.createManual}
        >
          {t('incidents.createManual')}
        </Button>
      )}
      {incidents.data && incidents.data.length > 0 ? (
        <ol className="c2-incidents__rows">
          {incidents.data.map((i) => (
            <IncidentRow
              key={i.id}
              incident={i}
              now={now}
              selected={i.id === selectedId}
              onSelect={onSelect}
            />
          ))}
        </ol>
      ) : (
        <EmptyState title={t(scope === 'open' ? 'incidents.noOpen' : 'incidents.noClosed')} />
      )}
    </Panel>
  );
}

function IncidentRow({
  incident: i,
  now,
  selected,
  onSelect,
}: {
  incident: Incident;
  now: number;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const elapsed = ((i.closedAt ? Date.parse(i.closedAt) : now) - Date.parse(i.detectedAt)) / 1000;
  const breached =
    i.measures.responseBreached === true ||
    (i.measures.responseTargetSeconds !== null &&
      !i.arrivedAt &&
      !i.closedAt &&
      elapsed > i.measures.responseTargetSeconds);
  return (
    <li>
      <button
        type="button"
        className="c2-incidents__item"
        aria-current={selected || undefined}
        onClick={() => onSelect(i.id)}
        data-testid={testIds.incidents.listItem}
        data-incident-id={i.id}
        data-state={i.state}
        data-priority={i.priority}
      >
        <span className="c2-incidents__item-head">
          <Badge tone={PRIORITY_TONE[i.priority]} variant="filled">
            {i.priority}
          </Badge>
          <span className="c2-incidents__item-type">{t(`incident.type.${i.type}`)}</span>
          <span className="c2-incidents__item-time">{formatDuration(elapsed)}</span>
        </span>
        <span className="c2-incidents__item-title">{i.title}</span>
        <span className="c2-incidents__item-foot">
          <span className="c2-incidents__muted">{i.code}</span>
          <Badge tone={STATE_TONE[i.state]}>{t(`incident.state.${i.state}`)}</Badge>
          {breached && (
            <Badge tone="danger" variant="filled">
              {t('incidents.breachShort')}
            </Badge>
          )}
        </span>
      </button>
    </li>
  );
}
