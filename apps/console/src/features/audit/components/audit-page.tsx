import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@c2/api-client/schemas/audit';
import { Button } from '@c2/ui/components/button/button';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Panel } from '@c2/ui/components/panel/panel';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { TextField } from '@c2/ui/components/text-field/text-field';
import { testIds } from '@c2/ui/test-ids';
import { exportUrl, useAuditEntries, useVerifyChain, type AuditFilters } from '../api/audit-data';
import './audit-page.css';

/** Actions an auditor filters by most; any other action can be typed. */
const COMMON_ACTIONS = [
  'auth.',
  'auth.login',
  'auth.login_failed',
  'auth.mfa_enrolled',
  'access.refused',
  'audit.',
  'user.',
  'sharing.',
];

/** `datetime-local` gives local wall time; the API wants an instant. */
const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

function detailText(detail: AuditEntry['detail']): string {
  const text = JSON.stringify(detail);
  return text === '{}' ? '' : text;
}

/** The auditor's page (nhật ký hệ thống): filter, read, export, and check the chain has not been tampered with. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState({ from: '', to: '', actor: '', action: '', target: '' });
  const [filters, setFilters] = useState<AuditFilters>({});
  const entries = useAuditEntries(filters);
  const verify = useVerifyChain();

  function onApply(e: FormEvent) {
    e.preventDefault();
    const next: AuditFilters = {};
    const from = toIso(draft.from);
    const to = toIso(draft.to);
    if (from) next.from = from;
    if (to) next.to = to;
    for (const k of ['actor', 'action', 'target'] as const) if (draft[k].trim()) next[k] = draft[k].trim();
    setFilters(next);
  }

  const rows = entries.data?.pages.flatMap((p) => p.entries) ?? [];
  const set = (k: keyof typeof draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  const result = verify.data;

  return (
    <div className="c2-audit" data-testid={testIds.audit.page}>
      <div className="c2-audit__head">
        <h1 className="c2-audit__title">{t('audit.title')}</h1>
        <div className="c2-audit__tools">
          <Button busy={verify.isPending} onClick={() => verify.mutate()} data-testid={testIds.audit.verify}>
            {t('audit.verify')}
          </Button>
          <a
            className="c2-audit__export"
            href={exportUrl(filters)}
            download
            data-testid={testIds.audit.export}
          >
            {t('audit.export')}
          </a>
        </div>
      </div>

      {result && (
        <p
          className={`c2-audit__verification c2-audit__verification--${result.ok ? 'ok' : 'broken'}`}
          role="status"
          data-testid={testIds.audit.verification}
          data-ok={result.ok}
          data-first-broken={result.firstBroken?.id ?? ''}
        >
          {result.ok
            ? t('audit.verified', {
                count: result.checked,
                head: result.headId ?? 0,
                hash: result.headHash?.slice(0, 16) ?? '—',
                at: new Date(result.verifiedAt).toLocaleString(i18n.language),
              })
            : t(`audit.broken.${result.firstBroken!.reason}`, { id: result.firstBroken!.id ?? '—' })}
        </p>
      )}
      {verify.isError && (
        <p className="c2-audit__verification c2-audit__verification--broken" role="alert">
          {t('audit.verifyFailed')}
        </p>
      )}

      <Panel title={t('audit.filters')} testId={testIds.audit.filters}>
        <form className="c2-audit__filters" onSubmit={onApply}>
          <TextField
            label={t('audit.from')}
            type="datetime-local"
            value={draft.from}
            onChange={set('from')}
            data-testid={testIds.audit.filter('from')}
          />
          <TextField
            label={t('audit.to')}
            type="datetime-local"
            value={draft.to}
            onChange={set('to')}
            data-testid={testIds.audit.filter('to')}
          />
          <TextField
            label={t('audit.actor')}
            value={draft.actor}
            maxLength={64}
            onChange={set('actor')}
            data-testid={testIds.audit.filter('actor')}
          />
          <TextField
            label={t('audit.action')}
            value={draft.action}
            maxLength={64}
            list="c2-audit-actions"
            hint={t('audit.actionHint')}
            onChange={set('action')}
            data-testid={testIds.audit.filter('action')}
          />
          <datalist id="c2-audit-actions">
            {COMMON_ACTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          <TextField
            label={t('audit.target')}
            value={draft.target}
            maxLength={200}
            onChange={set('target')}
            data-testid={testIds.audit.filter('target')}
          />
          <Button type="submit" variant="primary" data-testid={testIds.audit.apply}>
            {t('audit.apply')}
          </Button>
        </form>
      </Panel>

      {entries.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : entries.isError ? (
        <EmptyState title={t('audit.error')} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('audit.empty')} />
      ) : (
        <div className="c2-audit__scroll">
          <table className="c2-audit__table" data-testid={testIds.audit.table}>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('audit.col.time')}</th>
                <th scope="col">{t('audit.col.actor')}</th>
                <th scope="col">{t('audit.col.action')}</th>
                <th scope="col">{t('audit.col.target')}</th>
                <th scope="col">{t('audit.col.ip')}</th>
                <th scope="col">{t('audit.col.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr
                  key={e.id}
                  data-testid={testIds.audit.row}
                  data-action={e.action}
                  data-actor={e.actorName ?? ''}
                >
                  <td className="c2-audit__num">{e.id}</td>
                  <td className="c2-audit__time">{new Date(e.ts).toLocaleString(i18n.language)}</td>
                  <td>{e.actorName ?? '—'}</td>
                  <td>
                    <span className="c2-audit__action">
                      {t(`audit.actions.${e.action}`, { defaultValue: e.action })}
                    </span>
                    <code className="c2-audit__code">{e.action}</code>
                  </td>
                  <td className="c2-audit__target">{e.target ?? '—'}</td>
                  <td>{e.ip ?? '—'}</td>
                  <td className="c2-audit__detail">{detailText(e.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries.hasNextPage && (
            <Button
              busy={entries.isFetchingNextPage}
              onClick={() => void entries.fetchNextPage()}
              data-testid={testIds.audit.more}
            >
              {t('audit.more')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
