import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceDetail as Detail, MetricKey } from '@c2/api-client/schemas/device';
import { Button } from '@c2/ui/components/button/button';
import { DescriptionList } from '@c2/ui/components/description-list/description-list';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Panel } from '@c2/ui/components/panel/panel';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { StatusDot } from '@c2/ui/components/status-dot/status-dot';
import { testIds } from '@c2/ui/test-ids';
import { useDevice } from '../api/get-device';
import { useDevices } from '../api/get-devices';
import { useDeviceHistory } from '../api/get-device-history';
import { useProbe, useRestart, useSnapshot } from '../api/diagnose';
import { formatMetric } from './format-metric';
import { Sparkline } from './sparkline';
import { CAMERA_STATE_TONE } from '../../../lib/camera-state';
import { errorText } from '../../../lib/error-text';

const OUTCOME_TONE = { pending: 'info', recovered: 'ok', failed: 'danger', error: 'danger' } as const;

/** The readings worth a line per kind of device. */
const CHARTS: Record<Detail['device']['kind'], MetricKey[]> = {
  camera: ['bitrateKbps', 'fps', 'latencyMs', 'lossPct', 'tempC'],
  edge_box: ['cpuPct', 'tempC', 'memPct', 'storagePct', 'latencyMs', 'lossPct'],
  server: ['cpuPct', 'memPct', 'tempC', 'storagePct', 'latencyMs'],
};

export interface DeviceDetailProps {
  id: string;
  canManage: boolean;
  onClose: () => void;
  onOpen: (id: string) => void;
}

/** A device's page: state, open faults, remote diagnosis, last image check, readings, faults, self-healing, history. */
export function DeviceDetail({ id, canManage, onClose, onOpen }: DeviceDetailProps) {
  const { t } = useTranslation();
  const detail = useDevice(id);
  return (
    <Panel
      className="c2-devices__detail"
      title={detail.data?.device.name ?? id}
      testId={testIds.devices.detail}
      actions={
        <Button variant="ghost" size="sm" onClick={onClose} data-testid={testIds.devices.detailClose}>
          {t('devices.detail.close')}
        </Button>
      }
    >
      {detail.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : detail.isError ? (
        <EmptyState title={t('devices.error')} tone="danger" />
      ) : (
        <DetailBody detail={detail.data} canManage={canManage} onOpen={onOpen} />
      )}
    </Panel>
  );
}

function DetailBody({
  detail,
  canManage,
  onOpen,
}: {
  detail: Detail;
  canManage: boolean;
  onOpen: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const d = detail.device;
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  const metric = (k: MetricKey, v: number | null) => formatMetric(t, i18n.language, k, v);
  // The serving edge box by name, from the table already loaded (its id until then).
  const all = useDevices().data;
  const edgeBox = detail.edgeBoxId ? all?.find((x) => x.id === detail.edgeBoxId) : undefined;
  return (
    <div className="c2-devices__detail-body">
      <p className="c2-devices__detail-state" data-testid={testIds.devices.detailState} data-state={d.state}>
        <StatusDot tone={CAMERA_STATE_TONE[d.state]} /> {t(`camera.state.${d.state}`)}
        <span className="c2-devices__muted">
          {' · '}
          {t(`devices.kind.${d.kind}`)} · {d.code}
        </span>
      </p>
      <DescriptionList
        items={[
          { key: 'model', term: t('devices.detail.model'), detail: d.model || t('devices.none') },
          { key: 'area', term: t('devices.detail.area'), detail: d.areaName ?? t('devices.none') },
          { key: 'since', term: t('devices.detail.since'), detail: when(d.since) },
          ...(d.reason ? [{ key: 'reason', term: t('devices.detail.reason'), detail: d.reason }] : []),
          ...(detail.edgeBoxId
            ? [
                {
                  key: 'edge',
                  term: t('devices.detail.edgeBox'),
                  detail: (
                    <button
                      type="button"
                      className="c2-devices__link"
                      onClick={() => onOpen(detail.edgeBoxId!)}
                    >
                      {edgeBox ? `${edgeBox.code} · ${edgeBox.name}` : detail.edgeBoxId}
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />

      <section className="c2-devices__section" aria-label={t('devices.detail.openFaults')}>
        <h3>{t('devices.detail.openFaults')}</h3>
        <ul className="c2-devices__chips" data-testid={testIds.devices.openFaults}>
          {d.faults.length === 0 ? (
            <li className="c2-devices__muted">{t('devices.detail.noOpenFaults')}</li>
          ) : (
            d.faults.map((f) => (
              <li key={f} className="c2-devices__fault-chip" data-kind={f}>
                {t(`devices.fault.${f}`)}
              </li>
            ))
          )}
        </ul>
      </section>

      {d.kind === 'camera' ? <Diagnosis id={d.id} name={d.name} canManage={canManage} /> : null}

      {detail.quality ? (
        <section
          className="c2-devices__section"
          data-testid={testIds.devices.quality}
          data-verdict={detail.quality.verdict}
        >
          <h3>{t('devices.detail.quality')}</h3>
          <p>
            <strong>{t(`devices.detail.verdict.${detail.quality.verdict}`)}</strong>
            <span className="c2-devices__muted">
              {' '}
              · {t('devices.detail.qualityAt', { time: when(detail.quality.checkedAt) })}
            </span>
          </p>
          <DescriptionList
            items={[
              {
                key: 'b',
                term: t('devices.detail.brightness'),
                detail: detail.quality.brightness.toFixed(0),
              },
              { key: 'c', term: t('devices.detail.contrast'), detail: String(detail.quality.contrast) },
              { key: 's', term: t('devices.detail.sharpness'), detail: detail.quality.sharpness.toFixed(0) },
              {
                key: 'm',
                term: t('devices.detail.motion'),
                detail: detail.quality.motion === null ? t('devices.none') : detail.quality.motion.toFixed(2),
              },
              {
                key: 'r',
                term: t('devices.detail.sceneMatch'),
                detail:
                  detail.quality.sceneMatch === null
                    ? t('devices.none')
                    : detail.quality.sceneMatch.toFixed(2),
              },
            ]}
          />
        </section>
      ) : null}

      <History id={d.id} kind={d.kind} metric={metric} />

      <section className="c2-devices__section">
        <h3>{t('devices.detail.faults')}</h3>
        {detail.faults.length === 0 ? (
          <p className="c2-devices__muted">{t('devices.detail.noFaults')}</p>
        ) : (
          <ol className="c2-devices__log">
            {detail.faults.map((f) => (
              <li
                key={f.id}
                data-testid={testIds.devices.fault}
                data-kind={f.kind}
                data-open={f.clearedAt === null}
              >
                <time dateTime={f.openedAt}>{when(f.openedAt)}</time>
                <span className="c2-devices__fault-chip">{t(`devices.fault.${f.kind}`)}</span>
                <span className="c2-devices__muted">
                  {f.clearedAt
                    ? t('devices.detail.cleared', { time: when(f.clearedAt) })
                    : t('devices.detail.ongoing')}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="c2-devices__section">
        <h3>{t('devices.detail.healing')}</h3>
        {detail.healing.length === 0 ? (
          <p className="c2-devices__muted">{t('devices.detail.noHealing')}</p>
        ) : (
          <ol className="c2-devices__log">
            {detail.healing.map((h) => (
              <li
                key={h.id}
                data-testid={testIds.devices.healing}
                data-outcome={h.outcome}
                data-actor={h.actor}
              >
                <time dateTime={h.ts}>{when(h.ts)}</time>
                <span>
                  {t(`devices.detail.action.${h.action}`)} ·{' '}
                  {h.attempt > 0 ? t('devices.detail.attempt', { n: h.attempt }) : t('devices.detail.manual')}
                  {h.faultKind ? ` · ${t(`devices.fault.${h.faultKind}`)}` : ''}
                </span>
                <span className={`c2-devices__outcome c2-devices__outcome--${OUTCOME_TONE[h.outcome]}`}>
                  {t(`devices.detail.outcome.${h.outcome}`)}
                </span>
                <span className="c2-devices__muted">
                  {t('devices.detail.by', {
                    actor: h.actor === 'system' ? t('devices.detail.system') : h.actor,
                  })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="c2-devices__section">
        <h3>{t('devices.detail.statusHistory')}</h3>
        {detail.statusHistory.length === 0 ? (
          <p className="c2-devices__muted">{t('devices.detail.noStatusHistory')}</p>
        ) : (
          <ol className="c2-devices__log" data-testid={testIds.devices.statusHistory}>
            {detail.statusHistory.map((s, i) => (
              <li key={`${s.since}-${i}`}>
                <time dateTime={s.since}>{when(s.since)}</time>
                <span>
                  <StatusDot tone={CAMERA_STATE_TONE[s.state]} size="sm" /> {t(`camera.state.${s.state}`)}
                </span>
                <span className="c2-devices__muted">{s.reason ?? ''}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function History({
  id,
  kind,
  metric,
}: {
  id: string;
  kind: Detail['device']['kind'];
  metric: (k: MetricKey, v: number | null) => string;
}) {
  const { t } = useTranslation();
  const history = useDeviceHistory(id, 24);
  const points = history.data?.points ?? [];
  return (
    <section
      className="c2-devices__section"
      data-testid={testIds.devices.history}
      data-points={points.length}
    >
      <h3>{t('devices.detail.history')}</h3>
      {points.length < 2 ? (
        <p className="c2-devices__muted">{t('devices.detail.noHistory')}</p>
      ) : (
        <div className="c2-devices__sparks">
          {CHARTS[kind].map((k) => (
            <Sparkline
              key={k}
              points={points}
              metric={k}
              label={t(`devices.metric.${k}`)}
              format={(v) => metric(k, v)}
            />
          ))}
        </div>
      )}
    </section>
  );
}

function Diagnosis({ id, name, canManage }: { id: string; name: string; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const probe = useProbe(id);
  const restart = useRestart(id);
  const snapshot = useSnapshot(id);
  const snapshotUrl = snapshot.data?.url;
  // The object URL holds the image in memory until it is revoked: once replaced, or when the panel closes.
  useEffect(() => () => (snapshotUrl ? URL.revokeObjectURL(snapshotUrl) : undefined), [snapshotUrl]);
  const failure = probe.error ?? restart.error ?? snapshot.error;
  const p = probe.data;
  return (
    <section className="c2-devices__section">
      <h3>{t('devices.detail.diagnosis')}</h3>
      {canManage ? (
        <>
          <div className="c2-devices__actions">
            <Button
              size="sm"
              busy={probe.isPending}
              onClick={() => probe.mutate()}
              data-testid={testIds.devices.probe}
            >
              {t('devices.detail.probe')}
            </Button>
            <Button
              size="sm"
              busy={snapshot.isPending}
              onClick={() => snapshot.mutate()}
              data-testid={testIds.devices.snapshot}
            >
              {t('devices.detail.snapshot')}
            </Button>
            <Button
              size="sm"
              busy={restart.isPending}
              onClick={() => restart.mutate()}
              data-testid={testIds.devices.restart}
            >
              {t('devices.detail.restart')}
            </Button>
          </div>
          {failure ? (
            <p className="c2-devices__error" role="alert" data-testid={testIds.devices.actionError}>
              {t('devices.detail.actionFailed', { message: errorText(t, failure) })}
            </p>
          ) : null}
          {p ? (
            <p className="c2-devices__probe" data-testid={testIds.devices.probeResult} data-ok={p.ok}>
              <StatusDot tone={p.ok ? 'ok' : 'danger'} size="sm" />{' '}
              <strong>{p.ok ? t('devices.detail.probeOk') : t('devices.detail.probeFailed')}</strong>
              {p.ok
                ? ` · ${t('devices.detail.probeFields', {
                    codec: p.codec,
                    width: p.width,
                    height: p.height,
                    fps: p.fps,
                    bitrate: p.bitrateKbps?.toLocaleString(i18n.language),
                    latency: p.latencyMs,
                  })}`
                : ` · ${p.error ?? ''}`}
            </p>
          ) : null}
          {snapshot.data ? (
            <figure className="c2-devices__snapshot">
              <img
                src={snapshot.data.url}
                alt={t('devices.detail.snapshotAlt', { name })}
                width={480}
                height={270}
                data-testid={testIds.devices.snapshotImage}
              />
              <figcaption className="c2-devices__muted">
                {t('devices.detail.snapshotAt', {
                  time: new Date(snapshot.data.takenAt).toLocaleTimeString(i18n.language),
                })}
              </figcaption>
            </figure>
          ) : null}
        </>
      ) : (
        <p className="c2-devices__muted">{t('devices.detail.manageOnly')}</p>
      )}
    </section>
  );
}
