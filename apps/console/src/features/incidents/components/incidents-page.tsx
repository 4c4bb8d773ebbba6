import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { testIds } from '@c2/ui/test-ids';
import { AbilitiesContext, type IncidentAbilities } from './abilities';
import { CandidateList } from './candidate-list';
import { CreateIncidentForm } from './create-incident-form';
import { IncidentDetail } from './incident-detail';
import { IncidentList } from './incident-list';
import './incidents.css';

/**
 * The dispatcher's incident desk: events awaiting an incident and the incidents in hand on the left, the selected
 * incident (or the form opening one) on the right. The URL says what is open, so a wall or a colleague can follow.
 */
export function IncidentsPage({ abilities }: { abilities: IncidentAbilities }) {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const fromEvent = params.get('fromEvent');
  const creating = abilities.manage && (params.get('new') === '1' || fromEvent !== null);

  return (
    <AbilitiesContext.Provider value={abilities}>
      <div className="c2-incidents" data-testid={testIds.incidents.page} data-can-manage={abilities.manage}>
        <aside className="c2-incidents__side" aria-label={t('incidents.sideLabel')}>
          {abilities.manage && (
            <CandidateList
              onCreate={(eventId) => void navigate(`/incidents?fromEvent=${encodeURIComponent(eventId)}`)}
            />
          )}
          <IncidentList
            selectedId={id ?? null}
            onSelect={(next) => void navigate(`/incidents/${next}`)}
            onCreate={() => void navigate('/incidents?new=1')}
          />
        </aside>
        <section className="c2-incidents__main" aria-live="polite">
          {creating ? (
            <CreateIncidentForm
              key={fromEvent ?? 'new'}
              eventId={fromEvent}
              onCreated={(incidentId) => void navigate(`/incidents/${incidentId}`)}
              onCancel={() => void navigate('/incidents')}
            />
          ) : id ? (
            <IncidentDetail key={id} id={id} onOpenWall={(ids) => void navigate(wallHref(ids))} />
          ) : (
            <EmptyState
              title={t('incidents.nothingSelected')}
              description={t('incidents.nothingSelectedHint')}
            />
          )}
        </section>
      </div>
    </AbilitiesContext.Provider>
  );
}

/** The video wall's agreed entry point: it puts these cameras on its tiles. */
export const wallHref = (cameraIds: readonly string[]) =>
  `/wall?cameras=${cameraIds.map(encodeURIComponent).join(',')}`;
