import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@c2/api-client/schemas/role';
import { Button } from '@c2/ui/components/button/button';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Panel } from '@c2/ui/components/panel/panel';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { testIds } from '@c2/ui/test-ids';
import { api } from '../../../lib/api';
import { useAddCaseNote, useCaseFile, useRemoveCaseItem, useUpdateCase } from '../api/cases';
import './investigate-page.css';
import { ClipDialog, type ClipDialogProps } from '../../../lib/clip-dialog';

/** One case file: what it groups (events, violations, recorded clips) in time order, the notes, the export. */
export function CaseFilePage({
  caseId,
  permissions,
}: {
  caseId: string;
  permissions: readonly Permission[];
}) {
  const { t, i18n } = useTranslation();
  const file = useCaseFile(caseId);
  const addNote = useAddCaseNote(caseId);
  const remove = useRemoveCaseItem(caseId);
  const update = useUpdateCase(caseId);
  const [note, setNote] = useState('');
  const [clip, setClip] = useState<Omit<ClipDialogProps, 'onClose'> | null>(null);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  if (file.isError) return <EmptyState title={t('investigate.case.notFound')} tone="danger" />;
  if (!file.data) return <Spinner label={t('app.loading')} />;
  const c = file.data;
  return (
    <div className="c2-case" data-testid={testIds.investigate.caseFile} data-id={c.id}>
      <Link to="/investigate" className="c2-case__back">
        {t('investigate.case.back')}
      </Link>
      <header className="c2-case__head">
        <h1 data-testid={testIds.investigate.caseTitle}>
          <span className="c2-case__code">{c.code}</span> {c.title}
        </h1>
        <span className={`c2-case__status c2-case__status--${c.status}`}>
          {t(`investigate.caseStatus.${c.status}`)}
        </span>
        <span className="c2-case__meta">
          {t('investigate.case.createdBy', { name: c.createdByName, time: when(c.createdAt) })}
        </span>
        <div className="c2-case__actions">
          {permissions.includes('evidence:export') && (
            <a
              className="c2-vd-export"
              href={api.investigate.exportUrl(c.id)}
              download
              data-testid={testIds.investigate.caseExport}
            >
              {t('investigate.case.export')}
            </a>
          )}
          <Button
            variant="secondary"
            size="sm"
            busy={update.isPending}
            onClick={() => update.mutate({ status: c.status === 'open' ? 'closed' : 'open' })}
          >
            {c.status === 'open' ? t('investigate.case.close') : t('investigate.case.reopen')}
          </Button>
        </div>
      </header>
      {c.description && <p className="c2-case__description">{c.description}</p>}
      <div className="c2-case__body">
        <Panel title={t('investigate.case.items')}>
          {c.items.length === 0 ? (
            <EmptyState title={t('investigate.case.noItems')} />
          ) : (
            <ol className="c2-case__items">
              {c.items.map((i) => (
                <li
                  key={i.id}
                  className="c2-case__item"
                  data-testid={testIds.investigate.caseEntry}
                  data-kind={i.kind}
                >
                  <time dateTime={i.ts}>{when(i.ts)}</time>
                  <span className={`c2-case__kind c2-case__kind--${i.kind}`}>
                    {t(`investigate.case.kind.${i.kind}`)}
                  </span>
                  <span>
                    {i.type ? t(`event.type.${i.type}`) : ''}
                    {i.plate && <strong className="c2-inv__plate-text"> {i.plate}</strong>}
                  </span>
                  <span className="c2-case__camera">{i.cameraName}</span>
                  <span className="c2-case__ref">
                    {i.kind === 'violation' && i.refId && (
                      <Link to={`/violations?id=${encodeURIComponent(i.refId)}`}>{i.refId}</Link>
                    )}
                    {i.kind === 'clip' && i.until && (
                      <button
                        type="button"
                        className="c2-case__clip"
                        onClick={() =>
                          setClip({ cameraId: i.cameraId, label: i.cameraName, from: i.ts, to: i.until! })
                        }
                      >
                        ▶{' '}
                        {t('investigate.case.clipRange', {
                          from: new Date(i.ts).toLocaleTimeString(i18n.language),
                          to: new Date(i.until).toLocaleTimeString(i18n.language),
                        })}
                      </button>
                    )}
                  </span>
                  <button
                    type="button"
                    className="c2-inv__icon"
                    aria-label={t('investigate.case.remove')}
                    title={t('investigate.case.remove')}
                    onClick={() => remove.mutate(i.id)}
                  >
                    ✕
                  </button>
                  {i.note && <span className="c2-case__note">{i.note}</span>}
                </li>
              ))}
            </ol>
          )}
        </Panel>
        <Panel title={t('investigate.case.notes')}>
          {c.notes.length === 0 ? (
            <p className="c2-case__meta">{t('investigate.case.noNotes')}</p>
          ) : (
            <ul className="c2-case__notes">
              {c.notes.map((n) => (
                <li key={n.id} data-testid={testIds.investigate.caseNote}>
                  <div className="c2-case__meta">
                    {n.authorName} · {when(n.at)}
                  </div>
                  <div>{n.text}</div>
                </li>
              ))}
            </ul>
          )}
          <form
            className="c2-case__note-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!note.trim()) return;
              addNote.mutate(note.trim(), { onSuccess: () => setNote('') });
            }}
          >
            <textarea
              rows={3}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('investigate.case.notePlaceholder')}
              aria-label={t('investigate.case.notePlaceholder')}
              data-testid={testIds.investigate.caseNoteInput}
            />
            <Button
              type="submit"
              size="sm"
              busy={addNote.isPending}
              disabled={!note.trim()}
              data-testid={testIds.investigate.caseNoteAdd}
            >
              {t('investigate.case.addNote')}
            </Button>
          </form>
        </Panel>
      </div>
      {clip && <ClipDialog {...clip} testId={testIds.investigate.clipDialog} onClose={() => setClip(null)} />}
    </div>
  );
}
