import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Priority } from '@c2/api-client/schemas/alert';
import { prioritySchema } from '@c2/api-client/schemas/alert';
import { incidentTypeSchema, type IncidentType } from '@c2/api-client/schemas/incident';
import { Button } from '@c2/ui/components/button/button';
import { Panel } from '@c2/ui/components/panel/panel';
import { SelectField } from '@c2/ui/components/select-field/select-field';
import { TextAreaField } from '@c2/ui/components/text-area-field/text-area-field';
import { TextField } from '@c2/ui/components/text-field/text-field';
import { testIds } from '@c2/ui/test-ids';
import { useCandidates } from '../api/get-candidates';
import { useCameras } from '../api/get-cameras';
import { useCreateIncident } from '../api/incident-mutations';
import { INCIDENT_TYPE_OF_EVENT } from '@c2/api-client/schemas/incident';

/**
 * Opens an incident from an event (location, camera and first-report time come from it) or by hand at a camera.
 * Priority left on "by type" lets the BFF apply the default for the type.
 */
export function CreateIncidentForm({
  eventId,
  onCreated,
  onCancel,
}: {
  eventId: string | null;
  onCreated: (incidentId: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const candidates = useCandidates();
  const cameras = useCameras();
  const event = candidates.data?.find((e) => e.id === eventId) ?? null;
  const camera = cameras.data?.find((c) => c.id === event?.cameraId) ?? null;
  // Until the dispatcher picks one, the type follows the event (which may load after the form opens).
  const [typeChoice, setType] = useState<IncidentType | null>(null);
  const type: IncidentType = typeChoice ?? (event && INCIDENT_TYPE_OF_EVENT[event.type]) ?? 'accident';
  const [priority, setPriority] = useState<Priority | ''>('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [cameraQuery, setCameraQuery] = useState('');
  // Judge the camera once the dispatcher has left the field or tried to submit, not at every keystroke.
  const [cameraTouched, setCameraTouched] = useState(false);
  const create = useCreateIncident();

  const byCode = useMemo(
    () => new Map((cameras.data ?? []).map((c) => [`${c.code} – ${c.name}`, c.id])),
    [cameras.data],
  );
  const pickedCamera = byCode.get(cameraQuery) ?? null;
  const canSubmit = eventId !== null || pickedCamera !== null;

  function submit(e: FormEvent) {
    e.preventDefault();
    setCameraTouched(true);
    if (!canSubmit) return;
    create.mutate(
      {
        type,
        ...(priority ? { priority } : {}),
        ...(title.trim() ? { title: title.trim() } : {}),
        description,
        ...(eventId ? { eventIds: [eventId] } : { cameraId: pickedCamera! }),
      },
      { onSuccess: (incident) => onCreated(incident.id) },
    );
  }

  return (
    <Panel
      title={t(eventId ? 'incidents.createFromEventTitle' : 'incidents.createManualTitle')}
      className="c2-incidents__form-panel"
    >
      <form className="c2-incidents__form" onSubmit={submit} data-testid={testIds.incidents.createForm}>
        {eventId && (
          <p className="c2-incidents__form-source">
            {event ? `${t(`event.type.${event.type}`)} · ${camera?.name ?? event.cameraId}` : eventId}
          </p>
        )}
        <div className="c2-incidents__form-row">
          <SelectField
            label={t('incidents.field.type')}
            value={type}
            onChange={(e) => setType(e.target.value as IncidentType)}
            options={incidentTypeSchema.options.map((v) => ({ value: v, label: t(`incident.type.${v}`) }))}
            data-testid={testIds.incidents.createType}
          />
          <SelectField
            label={t('incidents.field.priority')}
            value={priority}
            onChange={(e) => setPriority(e.target.value as Priority | '')}
            options={[
              { value: '', label: t('incidents.field.priorityByType') },
              ...prioritySchema.options.map((p) => ({
                value: p,
                label: `${p} – ${t(`incident.priority.${p}`)}`,
              })),
            ]}
            data-testid={testIds.incidents.createPriority}
          />
        </div>
        {!eventId && (
          <>
            <TextField
              label={t('incidents.field.camera')}
              hint={t('incidents.field.cameraHint')}
              list="c2-incident-cameras"
              value={cameraQuery}
              onChange={(e) => setCameraQuery(e.target.value)}
              onBlur={() => setCameraTouched(true)}
              error={cameraTouched && !pickedCamera ? t('incidents.field.cameraUnknown') : null}
              data-testid={testIds.incidents.createCamera}
            />
            <datalist id="c2-incident-cameras">
              {[...byCode.keys()].map((label) => (
                <option key={label} value={label} />
              ))}
            </datalist>
          </>
        )}
        <TextField
          label={t('incidents.field.title')}
          placeholder={camera?.name ?? t('incidents.field.titlePlaceholder')}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          data-testid={testIds.incidents.createTitle}
        />
        <TextAreaField
          label={t('incidents.field.description')}
          value={description}
          maxLength={4000}
          rows={3}
          onChange={(e) => setDescription(e.target.value)}
          data-testid={testIds.incidents.createDescription}
        />
        {create.isError && (
          <p className="c2-incidents__error" role="alert" data-testid={testIds.incidents.error}>
            {t('incidents.createFailed')}
          </p>
        )}
        <div className="c2-incidents__form-actions">
          <Button variant="ghost" onClick={onCancel} data-testid={testIds.incidents.createCancel}>
            {t('incidents.cancel')}
          </Button>
          <Button
            type="submit"
            variant="primary"
            busy={create.isPending}
            data-testid={testIds.incidents.createSubmit}
          >
            {t('incidents.create')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
