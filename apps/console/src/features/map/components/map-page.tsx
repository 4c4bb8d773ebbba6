import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraState } from '@c2/api-client/schemas/camera';
import { cameraStateSchema } from '@c2/api-client/schemas/camera';
import { ToggleChip } from '@c2/ui/components/toggle-chip/toggle-chip';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { testIds } from '@c2/ui/test-ids';
import { useCameras, useMapContext } from '../api/map-data';
import { CameraMap } from './camera-map';
import { CameraPanel } from './camera-panel';
import './map-page.css';

const TONE = { online: 'ok', degraded: 'warn', offline: 'danger' } as const;

/** The operator's map: every camera the user may see, coloured by live status, filterable by status. */
export function MapPage() {
  const { t, i18n } = useTranslation();
  const context = useMapContext();
  const cameras = useCameras();
  const [hidden, setHidden] = useState<ReadonlySet<CameraState>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);

  const counts = useMemo(() => {
    const c: Record<CameraState, number> = { online: 0, degraded: 0, offline: 0 };
    for (const cam of cameras.data ?? []) c[cam.status.state]++;
    return c;
  }, [cameras.data]);
  const visible = (cameras.data?.length ?? 0) - [...hidden].reduce((n, s) => n + counts[s], 0);
  const camera = cameras.data?.find((c) => c.id === selected) ?? null;
  const format = (n: number) => n.toLocaleString(i18n.language);

  function toggle(state: CameraState) {
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(state)) next.delete(state);
      else next.add(state);
      return next;
    });
  }

  if (context.isError || cameras.isError) {
    return <EmptyState title={t('map.error')} testId={testIds.map.error} />;
  }
  return (
    <section className="c2-map" data-testid={testIds.map.page} aria-label={t('map.title')}>
      {context.data && cameras.data ? (
        <CameraMap
          context={context.data}
          cameras={cameras.data}
          hiddenStates={hidden}
          selectedId={selected}
          onSelect={setSelected}
        />
      ) : (
        <Spinner label={t('app.loading')} />
      )}
      <div
        className="c2-map__legend"
        role="group"
        aria-label={t('map.legend')}
        data-testid={testIds.map.legend}
      >
        {cameraStateSchema.options.map((state) => (
          <ToggleChip
            key={state}
            pressed={!hidden.has(state)}
            onToggle={() => toggle(state)}
            label={t(`camera.state.${state}`)}
            tone={TONE[state]}
            count={counts[state]}
            formatCount={format}
            testId={testIds.map.legendItem(state)}
          />
        ))}
        <span className="c2-map__visible" data-testid={testIds.map.visibleCount}>
          {t('map.visible', { n: format(visible) })}
        </span>
      </div>
      {camera && <CameraPanel camera={camera} onClose={() => setSelected(null)} />}
    </section>
  );
}
