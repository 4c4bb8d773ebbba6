import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@c2/ui/components/badge/badge';
import { Button } from '@c2/ui/components/button/button';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Panel } from '@c2/ui/components/panel/panel';
import { testIds } from '@c2/ui/test-ids';
import { useCandidates } from '../api/get-candidates';
import { useCameras } from '../api/get-cameras';

const SEVERITY_TONE = { info: 'neutral', minor: 'info', major: 'warn', critical: 'danger' } as const;

/** Events that call for an incident and have none yet, newest first, each one click from an incident. */
export function CandidateList({ onCreate }: { onCreate: (eventId: string) => void }) {
  const { t, i18n } = useTranslation();
  const candidates = useCandidates();
  const cameras = useCameras();
  const cameraName = useMemo(() => new Map((cameras.data ?? []).map((c) => [c.id, c.name])), [cameras.data]);
  const time = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language);

  return (
    <Panel
      title={t('incidents.candidates')}
      testId={testIds.incidents.candidates}
      className="c2-incidents__candidates"
    >
      {candidates.data && candidates.data.length > 0 ? (
        <ol className="c2-incidents__rows">
          {candidates.data.map((e) => (
            <li
              key={e.id}
              className="c2-incidents__candidate"
              data-testid={testIds.incidents.candidate}
              data-event-id={e.id}
              data-type={e.type}
            >
              <div className="c2-incidents__candidate-what">
                <Badge
                  tone={SEVERITY_TONE[e.severity]}
                  variant={e.severity === 'critical' ? 'filled' : 'outline'}
                >
                  {t(`event.type.${e.type}`)}
                </Badge>
                <time dateTime={e.ts}>{time(e.ts)}</time>
              </div>
              <p className="c2-incidents__muted">{cameraName.get(e.cameraId) ?? e.cameraId}</p>
              <Button
                size="sm"
                variant="primary"
                onClick={() => onCreate(e.id)}
                data-testid={testIds.incidents.candidateCreate}
              >
                {t('incidents.createFromEvent')}
              </Button>
            </li>
          ))}
        </ol>
      ) : (
        <EmptyState title={t('incidents.noCandidates')} />
      )}
    </Panel>
  );
}
