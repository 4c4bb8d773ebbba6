import { useTranslation } from 'react-i18next';
import { testIds } from '@c2/ui/test-ids';
import type { Picked } from '../scene/map-scene';

/** What the pointer rests on, in a line or two; never covers the thing itself (offset below-right). */
export function MapTooltip({ picked, x, y }: { picked: Picked; x: number; y: number }) {
  const { t } = useTranslation();
  let title: string;
  let detail: string;
  switch (picked.kind) {
    case 'camera':
      title = `${picked.camera.code} · ${picked.camera.name}`;
      detail = `${t(`camera.state.${picked.camera.status.state}`)} · ${t(`camera.kind.${picked.camera.kind}`)}`;
      break;
    case 'cluster': {
      const [online, degraded, offline, unknown] = picked.cluster.counts;
      title = t('map.tooltip.cluster', { n: online + degraded + offline + unknown });
      detail = t(unknown > 0 ? 'map.tooltip.clusterDetailUnknown' : 'map.tooltip.clusterDetail', {
        online,
        degraded,
        offline,
        unknown,
      });
      break;
    }
    case 'unit':
      title = `${picked.unit.callSign} · ${picked.unit.name}`;
      detail = t(`unit.status.${picked.unit.status}`);
      break;
    case 'alert':
      title = picked.alert.title;
      detail = `${picked.alert.priority} · ${t(`map.alertStatus.${picked.alert.status}`)}`;
      break;
    case 'event':
      title = t(`event.type.${picked.pulse.type}`);
      detail = t(`event.severity.${picked.pulse.severity}`);
      break;
  }
  return (
    <div
      className="c2-map__tooltip"
      style={{ left: x + 14, top: y + 14 }}
      role="tooltip"
      data-testid={testIds.map.tooltip}
    >
      <strong>{title}</strong>
      <span>{detail}</span>
    </div>
  );
}
