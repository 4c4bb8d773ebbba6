-- Event ingestion from edge AI over MQTT and HTTP: messages that could not be accepted are kept with their reason
-- and raw payload (dead letters), so nothing a producer sent disappears silently.

CREATE TABLE dead_letters (
  id bigserial PRIMARY KEY,
  received_at timestamptz NOT NULL DEFAULT now(),
  -- Where it came from: "mqtt:<topic>", "http:<key id>", "sim:<area>".
  source text NOT NULL,
  format text NOT NULL,
  reason text NOT NULL,
  -- Raw payload as received, cut at 64 KiB (payload_bytes tells the real size).
  payload text NOT NULL,
  payload_bytes integer NOT NULL
);
CREATE INDEX dead_letters_received_idx ON dead_letters (received_at DESC);
