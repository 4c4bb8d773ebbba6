import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useStore } from 'zustand';
import { Button } from '@c2/ui/components/button/button';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { SegmentedControl } from '@c2/ui/components/segmented-control/segmented-control';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { ToastViewport } from '@c2/ui/components/toast/toast';
import { testIds } from '@c2/ui/test-ids';
import { UNTAKEN_STATUSES } from '@c2/api-client/schemas/alert';
import { useAlertAction, useAlertList, useMyNotifications, type Scope } from '../api/alert-queries';
import { alertToastStore } from '../hooks/use-alert-toasts';
import { useNow } from '../hooks/use-now';
import { useP1Cue } from '../hooks/use-p1-cue';
import { AlertDetailPanel, type PendingForm } from './alert-detail';
import { AlertQueue } from './alert-queue';
import './alerts-page.css';

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/**
 * The alert queue (hàng đợi cảnh báo), keyboard first: J/K or arrows move, Enter opens, A acknowledges, C claims,
 * E escalates, F marks a false positive, R resolves, M mutes the P1 cue. The open alert is in the URL so a link
 * or a reload brings it back.
 */
export function AlertsPage({
  canHandle,
  canWatch,
  canOpenIncident,
}: {
  canHandle: boolean;
  canWatch: boolean;
  canOpenIncident: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [scope, setScope] = useState<Scope>('active');
  const list = useAlertList(scope);
  const alerts = useMemo(() => list.data ?? [], [list.data]);
  const now = useNow();
  const cue = useP1Cue(scope === 'active' ? list.data : undefined);
  const action = useAlertAction();
  const openId = params.get('alert');
  const [cursor, setCursor] = useState<string | null>(openId);
  const [form, setForm] = useState<PendingForm>(null);
  const mine = useMyNotifications();
  const toasts = useStore(alertToastStore, (s) => s.toasts);
  const dismiss = useStore(alertToastStore, (s) => s.dismiss);

  // The cursor stays on a real row: the first one when nothing (or a vanished alert) is under it.
  const cursorId = cursor && alerts.some((a) => a.id === cursor) ? cursor : (alerts[0]?.id ?? null);
  const open = (id: string | null) => {
    setForm(null);
    setParams(id ? { alert: id } : {}, { replace: true });
  };

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const i = alerts.findIndex((a) => a.id === cursorId);
      const key = e.key.toLowerCase();
      const move = (d: number) => {
        const next = alerts[Math.min(alerts.length - 1, Math.max(0, i + d))];
        if (next) setCursor(next.id);
      };
      if (key === 'j' || e.key === 'ArrowDown') move(1);
      else if (key === 'k' || e.key === 'ArrowUp') move(-1);
      else if (e.key === 'Enter' || key === 'o') {
        if (cursorId) open(cursorId);
      } else if (key === 'm') cue.toggleMute();
      else if (!canHandle || !cursorId) return;
      else if (key === 'a') {
        const target = alerts[i];
        if (target && !target.acknowledgedAt) action.mutate({ kind: 'acknowledge', id: cursorId });
      } else if (key === 'c') action.mutate({ kind: 'claim', id: cursorId });
      else if (key === 'e' || key === 'f' || key === 'r') {
        open(cursorId);
        setForm(key === 'e' ? 'escalate' : key === 'f' ? 'false-positive' : 'resolve');
      } else return;
      e.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const unacked = alerts.filter((a) => UNTAKEN_STATUSES.includes(a.status)).length;
  // The newest in-console notification that named me, while its alert still waits for someone.
  const waiting = new Map(alerts.filter((a) => !a.acknowledgedAt).map((a) => [a.id, a]));
  const notice = (mine.data ?? []).find((m) => m.alertId && waiting.has(m.alertId));
  return (
    <div className="c2-alerts" data-testid={testIds.alerts.page} data-cues={cue.cues}>
      <section className="c2-alerts__queue" aria-label={t('alerts.queue')}>
        <header className="c2-alerts__bar">
          <h1 className="c2-alerts__title">
            {t('alerts.title')}{' '}
            <span className="c2-alerts__badge" aria-label={t('alerts.unacked', { n: unacked })}>
              {unacked}
            </span>
          </h1>
          <SegmentedControl<Scope>
            label={t('alerts.scope.label')}
            value={scope}
            onChange={setScope}
            options={(['active', 'closed'] as const).map((s) => ({
              value: s,
              label: t(`alerts.scope.${s}`),
              testId: testIds.alerts.scope(s),
            }))}
          />
          <Button
            size="sm"
            variant="ghost"
            aria-pressed={cue.muted}
            onClick={cue.toggleMute}
            data-testid={testIds.alerts.mute}
          >
            {cue.muted ? t('alerts.unmute') : t('alerts.mute')}
          </Button>
        </header>
        {notice ? (
          <div className="c2-alerts__notice" role="status" data-testid={testIds.alerts.notice}>
            <span>
              {t('alerts.notice', {
                time: new Date(notice.createdAt).toLocaleTimeString(i18n.language),
                subject: notice.subject,
              })}
            </span>
            <Button size="sm" variant="primary" onClick={() => open(notice.alertId)}>
              {t('alerts.noticeOpen')}
            </Button>
          </div>
        ) : null}
        {list.isPending ? (
          <Spinner label={t('app.loading')} />
        ) : list.isError ? (
          <EmptyState title={t('alerts.error')} tone="danger" />
        ) : alerts.length === 0 ? (
          <EmptyState
            title={t(scope === 'active' ? 'alerts.emptyActive' : 'alerts.emptyClosed')}
            testId={testIds.alerts.empty}
          />
        ) : (
          <AlertQueue
            alerts={alerts}
            cursor={cursorId}
            openId={openId}
            now={now}
            label={t('alerts.queue')}
            onCursor={setCursor}
            onOpen={open}
          />
        )}
        <p className="c2-alerts__keys" data-testid={testIds.alerts.keyboardHelp}>
          {t('alerts.keys')}
        </p>
      </section>
      <section className="c2-alerts__detail" aria-label={t('alerts.detail')}>
        {openId ? (
          <AlertDetailPanel
            key={openId}
            id={openId}
            now={now}
            canHandle={canHandle}
            canWatch={canWatch}
            canOpenIncident={canOpenIncident}
            form={form}
            onForm={setForm}
          />
        ) : (
          <EmptyState title={t('alerts.pick')} description={t('alerts.pickHint')} />
        )}
      </section>
      <ToastViewport
        toasts={toasts}
        label={t('alerts.toasts')}
        dismissLabel={t('alerts.dismiss')}
        onDismiss={dismiss}
        testIds={{ region: testIds.toast.region, item: testIds.alerts.toast, dismiss: testIds.toast.dismiss }}
      />
    </div>
  );
}
