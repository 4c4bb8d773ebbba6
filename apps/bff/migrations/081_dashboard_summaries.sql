-- One row per day whose summary was e-mailed: the insert that claims the day is what makes it go out once, whichever
-- BFF instance gets there first.
CREATE TABLE dash_daily_summaries (
  day date PRIMARY KEY,
  sent_at timestamptz NOT NULL DEFAULT now(),
  sent_by text,
  recipients integer NOT NULL DEFAULT 0
);
