import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@c2/api-client/schemas/role';
import type { EvidenceItem, ViolationDetail } from '@c2/api-client/schemas/violation';
import { DescriptionList } from '@c2/ui/components/description-list/description-list';
import { Panel } from '@c2/ui/components/panel/panel';
import { testIds } from '@c2/ui/test-ids';
import { api } from '../../../lib/api';
import { DecisionPanel } from './decision-panel';
import { SignatureBadge } from './signature-badge';

const STATUS_TONE = {
  pending: 'info',
  awaiting_approval: 'warn',
  verified: 'ok',
  rejected: 'neutral',
} as const;

function EvidenceFigure({
  item,
  label,
  active,
  onPick,
}: {
  item: EvidenceItem;
  label: string;
  active: boolean;
  onPick: () => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="c2-evidence__thumb"
      aria-pressed={active}
      onClick={onPick}
      title={item.sha256 ? `${t('violations.sealed')}: ${item.sha256}` : t('violations.notSealed')}
    >
      {item.kind === 'clip' ? (
        <span className="c2-evidence__clip-thumb" aria-hidden="true">
          ▶
        </span>
      ) : (
        <img src={item.url} alt="" data-testid={testIds.violations.evidenceImage(item.kind)} />
      )}
      <span className="c2-evidence__label">{label}</span>
    </button>
  );
}

/** A violation's evidence, facts, decision and signed history. */
export function ViolationDetailView({
  violation: v,
  userId,
  permissions,
}: {
  violation: ViolationDetail;
  userId: string;
  permissions: readonly Permission[];
}) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState<string>(v.evidence[0]?.name ?? '');
  const current = v.evidence.find((e) => e.name === shown) ?? v.evidence[0];
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  return (
    <div className="c2-vd" data-testid={testIds.violations.detail} data-id={v.id} data-status={v.status}>
      <header className="c2-vd__head">
        <h2 className="c2-vd__title">
          {t(`event.type.${v.type}`)}
          <span className="c2-vd__plate" data-testid={testIds.violations.detailPlate}>
            {v.plate}
          </span>
        </h2>
        <span
          className={`c2-vd__status c2-vd__status--${STATUS_TONE[v.status]}`}
          data-testid={testIds.violations.detailStatus}
          data-status={v.status}
        >
          {t(`violations.status.${v.status}`)}
        </span>
        <SignatureBadge check={v.signature} testId={testIds.violations.signature} />
        {permissions.includes('evidence:export') && (
          <a
            className="c2-vd__export"
            href={api.violations.exportUrl(v.id)}
            download
            title={t('violations.exportHint')}
            data-testid={testIds.violations.export}
          >
            {t('violations.export')}
          </a>
        )}
      </header>
      <div className="c2-vd__body">
        <section className="c2-evidence" aria-label={t('violations.evidence')}>
          <div className="c2-evidence__main">
            {current?.kind === 'clip' ? (
              <video
                key={current.url}
                src={current.url}
                controls
                autoPlay
                muted
                loop
                playsInline
                data-testid={testIds.violations.evidenceClip}
              />
            ) : current ? (
              <img src={current.url} alt={t(`violations.evidenceKind.${current.kind}`)} />
            ) : null}
          </div>
          <div className="c2-evidence__strip">
            {v.evidence.map((e) => (
              <EvidenceFigure
                key={e.name}
                item={e}
                label={t(`violations.evidenceKind.${e.kind}`)}
                active={e.name === current?.name}
                onPick={() => setShown(e.name)}
              />
            ))}
          </div>
          {current && (
            <p className="c2-evidence__hash">
              {current.sha256
                ? `${t('violations.sealed')}: ${current.sha256.slice(0, 32)}…`
                : t('violations.notSealed')}
            </p>
          )}
        </section>
        <aside className="c2-vd__side">
          <Panel title={t('violations.decision')}>
            <DecisionPanel
              key={`${v.id}-${v.status}`}
              violation={v}
              userId={userId}
              permissions={permissions}
            />
          </Panel>
          <DescriptionList
            items={[
              { key: 'time', term: t('violations.facts.time'), detail: when(v.ts) },
              { key: 'camera', term: t('violations.facts.camera'), detail: v.cameraName },
              ...(v.speedKmh !== null
                ? [
                    {
                      key: 'speed',
                      term: t('violations.facts.speed'),
                      detail: t('violations.speedValue', { speed: v.speedKmh, limit: v.limitKmh ?? '–' }),
                    },
                  ]
                : []),
              {
                key: 'detected',
                term: t('violations.facts.plateDetected'),
                detail: `${v.plateDetected} · ${t('violations.confidence', { value: Math.round(v.plateConfidence * 100) })}`,
              },
              { key: 'received', term: t('violations.facts.received'), detail: when(v.receivedAt) },
            ]}
          />
          <Panel title={t('violations.history')} testId={testIds.violations.history}>
            {v.reviews.length === 0 ? (
              <p className="c2-decision__hint">{t('violations.noHistory')}</p>
            ) : (
              <ol className="c2-history">
                {v.reviews.map((r) => (
                  <li
                    key={r.id}
                    className="c2-history__item"
                    data-testid={testIds.violations.historyItem}
                    data-action={r.action}
                  >
                    <div className="c2-history__line">
                      <strong>{t(`violations.action.${r.action}`)}</strong>
                      <span>{r.actorName}</span>
                      <time dateTime={r.at}>{when(r.at)}</time>
                    </div>
                    {r.reasonCode && <div>{t(`violations.reasons.${r.reasonCode}`)}</div>}
                    {r.note && <div className="c2-history__note">{r.note}</div>}
                    {r.plateBefore !== r.plateAfter && (
                      <div>{t('violations.plateChange', { from: r.plateBefore, to: r.plateAfter })}</div>
                    )}
                    <div className="c2-history__meta">
                      <SignatureBadge check={r.signature} />
                      {r.sync.state !== 'not_needed' && (
                        <span className={`c2-history__sync c2-history__sync--${r.sync.state}`}>
                          {t(`violations.sync.${r.sync.state}`, { attempts: r.sync.attempts })}
                        </span>
                      )}
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </Panel>
        </aside>
      </div>
    </div>
  );
}
