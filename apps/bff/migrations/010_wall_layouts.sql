-- Video wall layouts: named per user; an administrator may share one with everyone. Tiles are the contract's
-- `wallTileSchema` list (camera, tour, alarm or empty per tile), validated by the BFF before they are stored.

CREATE TABLE wall_layouts (
  id text PRIMARY KEY,
  owner_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  grid text NOT NULL,
  tiles jsonb NOT NULL,
  shared boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX wall_layouts_owner_name_idx ON wall_layouts (owner_id, lower(name));
CREATE INDEX wall_layouts_shared_idx ON wall_layouts (shared) WHERE shared;
