import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@c2/ui/components/button/button';
import { Panel } from '@c2/ui/components/panel/panel';
import { testIds } from '@c2/ui/test-ids';
import { useCases, useCreateCase } from '../api/cases';

/** Case files: the working case that "add to case" fills, a new one, and the list to open. */
export function CasesPanel({
  activeId,
  onActive,
}: {
  activeId: string | null;
  onActive: (id: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const cases = useCases();
  const create = useCreateCase();
  const [title, setTitle] = useState('');
  return (
    <Panel title={t('investigate.cases')} testId={testIds.investigate.cases} className="c2-cases">
      <label className="c2-inv__label">
        {t('investigate.activeCase')}
        <select
          value={activeId ?? ''}
          onChange={(e) => onActive(e.target.value || null)}
          data-testid={testIds.investigate.caseSelect}
        >
          <option value="">{t('investigate.noCase')}</option>
          {(cases.data ?? [])
            .filter((c) => c.status === 'open')
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.code} · {c.title}
              </option>
            ))}
        </select>
      </label>
      <form
        className="c2-cases__new"
        onSubmit={(e) => {
          e.preventDefault();
          if (title.trim().length < 3) return;
          create.mutate(
            { title: title.trim() },
            {
              onSuccess: (c) => {
                setTitle('');
                onActive(c.id);
              },
            },
          );
        }}
      >
        <input
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={t('investigate.newCase')}
          aria-label={t('investigate.newCase')}
          minLength={3}
          maxLength={200}
          data-testid={testIds.investigate.newCaseTitle}
        />
        <Button
          type="submit"
          size="sm"
          busy={create.isPending}
          disabled={title.trim().length < 3}
          data-testid={testIds.investigate.createCase}
        >
          {t('investigate.createCase')}
        </Button>
      </form>
      <ul className="c2-cases__list">
        {(cases.data ?? []).map((c) => (
          <li key={c.id} className="c2-cases__item" data-testid={testIds.investigate.caseItem} data-id={c.id}>
            <Link to={`/investigate/cases/${c.id}`}>
              <strong>{c.code}</strong> {c.title}
            </Link>
            <span className="c2-cases__meta">
              {t(`investigate.caseStatus.${c.status}`)} · {t('investigate.items', { count: c.itemCount })} ·{' '}
              {new Date(c.updatedAt).toLocaleDateString(i18n.language)}
            </span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
