-- The live event feed pages newest-first by (event time, id) and narrows by type: both need an index, or every
-- page of a busy province scans the whole table.
CREATE INDEX analytics_events_ts_id_idx ON analytics_events (ts DESC, id DESC);
CREATE INDEX analytics_events_type_ts_idx ON analytics_events (type, ts DESC);
CREATE INDEX analytics_events_area_ts_idx ON analytics_events (area_id, ts DESC);
