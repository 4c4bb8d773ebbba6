-- Camera availability per local day, area and clearance tier, from the status history: seconds observed (any state but
-- `unknown`, when the VMS could not say) and seconds down (offline). A day is written once it has ended, by the
-- availability job (closeCameraDays); the strategic dashboard sums closed days from here and reads the days since
-- from the history, so "availability over the last 30 days" is a period figure, not the state of this minute.
CREATE TABLE dash_camera_daily (
  day date NOT NULL,
  area_id text NOT NULL,
  tier smallint NOT NULL,
  observed double precision NOT NULL,
  down double precision NOT NULL,
  PRIMARY KEY (day, area_id, tier)
);

-- How far a rollup written by a job has been closed (one row per job; `through` is the last closed local day).
CREATE TABLE dash_rollup_marks (
  name text PRIMARY KEY,
  through date
);
INSERT INTO dash_rollup_marks (name, through) VALUES ('camera_daily', NULL);
