import { z } from 'zod';

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
