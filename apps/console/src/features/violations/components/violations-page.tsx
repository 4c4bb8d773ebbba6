import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@c2/api-client/schemas/role';
import {
  violationStatusSchema,
  violationTypeSchema,
  type ViolationStatus,
  type ViolationType,
} from '@c2/api-client/schemas/violation';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { testIds } from '@c2/ui/test-ids';
import { useViolations, type DrillDown } from '../api/get-violations';
import { useViolationCounts } from '../api/get-violation-counts';
import { useViolation } from '../api/get-violation';
import { useViolationSettings } from '../api/get-violation-settings';
import { ViolationQueue } from './violation-queue';
import { ViolationDetailView } from './violation-detail';
import './violations-page.css';

const PAGE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[\w.:-]{1,128}$/;

/** The place and days a dashboard figure carried into the URL (what is malformed is ignored). */
function drillDownOf(params: URLSearchParams): DrillDown {
  const out: DrillDown = {};
  for (const key of ['area', 'road', 'camera'] as const) {
    const v = params.get(key);
    if (v && ID.test(v)) out[key] = v;
  }
  for (const key of ['from', 'to'] as const) {
    const v = params.get(key);
    if (v && DAY.test(v)) out[key] = v;
  }
  return out;
}

/**
 * The review queue (detect → verify → process): AI-detected violations wait here until a person verifies or
 * rejects them; under maker–checker a second officer approves. Status, type and the open violation live in the
 * URL, so a link (e.g. from an investigation) opens the same view.
 */
export function ViolationsPage({
  userId,
  permissions,
}: {
  userId: string;
  permissions: readonly Permission[];
}) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  // `status=all` (a dashboard drill-down): every status, as the figure behind it counted them.
  const all = params.get('status') === 'all';
  const status = all ? undefined : (violationStatusSchema.safeParse(params.get('status')).data ?? 'pending');
  const type = violationTypeSchema.safeParse(params.get('type')).data;
  const selectedId = params.get('id');
  const drill = drillDownOf(params);
  const [limit, setLimit] = useState(PAGE);
  const queue = useViolations({ ...(status ? { status } : {}), ...(type ? { type } : {}), ...drill, limit });
  const counts = useViolationCounts();
  const settings = useViolationSettings();
  const detail = useViolation(selectedId);

  function update(next: { status?: ViolationStatus; type?: ViolationType | null; id?: string | null }) {
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (next.status) p.set('status', next.status);
        if (next.type !== undefined) {
          if (next.type) p.set('type', next.type);
          else p.delete('type');
        }
        if (next.id !== undefined) {
          if (next.id) p.set('id', next.id);
          else p.delete('id');
        }
        return p;
      },
      { replace: true },
    );
  }

  return (
    <div className="c2-violations" data-testid={testIds.violations.page}>
      <div className="c2-violations__queue">
        <header className="c2-violations__head">
          <h1 className="c2-violations__title">{t('violations.title')}</h1>
          {settings.data && (
            <span
              className={`c2-violations__mc c2-violations__mc--${settings.data.makerChecker ? 'on' : 'off'}`}
              title={t('violations.makerChecker.hint')}
              data-testid={testIds.violations.makerChecker}
              data-on={settings.data.makerChecker}
            >
              {t(settings.data.makerChecker ? 'violations.makerChecker.on' : 'violations.makerChecker.off')}
            </span>
          )}
        </header>
        {Object.keys(drill).length > 0 && (
          <p className="c2-violations__drill" data-testid={testIds.violations.drillDown}>
            {t('violations.drillDown', {
              filters: Object.entries(drill)
                .map(
                  ([k, v]) =>
                    `${t(`violations.drill.${k}`)}: ${
                      k === 'from' || k === 'to'
                        ? new Date(`${v}T00:00:00+07:00`).toLocaleDateString(i18n.language, {
                            timeZone: 'Asia/Ho_Chi_Minh',
                          })
                        : v
                    }`,
                )
                .join(' · '),
            })}{' '}
            <button
              type="button"
              className="c2-violations__drill-clear"
              onClick={() => setParams(new URLSearchParams({ status: 'pending' }), { replace: true })}
            >
              {t('violations.drillClear')}
            </button>
          </p>
        )}
        <ViolationQueue
          status={status}
          type={type}
          counts={counts.data}
          items={queue.data?.items}
          loading={queue.isPending}
          hasMore={Boolean(queue.data?.nextCursor) && limit < 200}
          selectedId={selectedId}
          onStatus={(s) => {
            setLimit(PAGE);
            update({ status: s });
          }}
          onType={(ty) => update({ type: ty ?? null })}
          onSelect={(id) => update({ id })}
          onMore={() => setLimit((l) => Math.min(200, l + PAGE))}
        />
      </div>
      <main className="c2-violations__detail">
        {!selectedId ? (
          <EmptyState title={t('violations.select')} />
        ) : detail.isError ? (
          <EmptyState title={t('violations.loadError')} tone="danger" />
        ) : detail.data ? (
          <ViolationDetailView
            key={detail.data.id}
            violation={detail.data}
            userId={userId}
            permissions={permissions}
          />
        ) : (
          <Spinner label={t('app.loading')} />
        )}
      </main>
    </div>
  );
}
