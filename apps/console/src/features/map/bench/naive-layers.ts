import type { Layer } from '@deck.gl/core';
import { IconLayer, ScatterplotLayer } from '@deck.gl/layers';
import { KINDS } from '../model/camera-model';
import { STATE_RGBA, UNIT_RGBA } from '../model/colours';
import { iconAtlas } from '../layers/icon-atlas';
import type { SceneState } from '../layers/scene-layers';

/**
 * The baseline of the map benchmark, loaded only with `?bench` in the URL: the same cameras and units drawn the
 * naive way, with new arrays of objects and function accessors on every tick, so deck.gl recomputes every
 * attribute of every object each time. Never used by the console itself.
 */
export function createNaiveLayers(): (s: SceneState) => Layer[] {
  const atlas = iconAtlas();
  return (s) => {
    const cams = s.cameras.cameras
      .map((c, i) => ({ c, visible: s.cameras.visible[i] === 1 }))
      .filter((x) => x.visible)
      .map(({ c }) => ({
        id: c.id,
        lng: c.location.lng,
        lat: c.location.lat,
        state: c.status.state,
        kind: c.kind,
      }));
    const units = s.units.units.map((u, i) => ({
      id: u.id,
      position: s.units.positionOf(i),
      angle: s.units.angles[i]!,
      status: u.status,
      located: s.units.located[i] === 1,
    }));
    return [
      new ScatterplotLayer<(typeof cams)[number]>({
        id: 'camera-discs',
        data: cams,
        getPosition: (d) => [d.lng, d.lat],
        getFillColor: (d) => STATE_RGBA[d.state],
        radiusUnits: 'pixels',
        getRadius: () => 10,
        stroked: true,
        getLineColor: () => [8, 14, 24, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: () => 1.5,
        pickable: true,
      }),
      new IconLayer<(typeof cams)[number]>({
        id: 'camera-icons',
        data: cams,
        iconAtlas: atlas.canvas as never,
        iconMapping: atlas.mapping,
        getIcon: (d) => KINDS[KINDS.indexOf(d.kind)]!,
        getPosition: (d) => [d.lng, d.lat],
        getSize: () => 15,
        sizeUnits: 'pixels',
        getColor: () => [8, 14, 24, 255],
      }),
      new IconLayer<(typeof units)[number]>({
        id: 'units',
        data: units.filter((u) => u.located),
        iconAtlas: atlas.canvas as never,
        iconMapping: atlas.mapping,
        getIcon: () => 'unit',
        getPosition: (d) => d.position,
        getAngle: (d) => d.angle,
        getColor: (d) => UNIT_RGBA[d.status],
        getSize: () => 24,
        sizeUnits: 'pixels',
        pickable: true,
      }),
    ];
  };
}
