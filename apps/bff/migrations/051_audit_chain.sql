-- The audit trail becomes tamper-evident: each entry stores the SHA-256 of its canonical content chained to the
-- previous entry's hash. One chain-head row, locked FOR UPDATE by every append, serialises writers across BFF
-- instances so the chain never forks, and lets the verifier notice a cut-off tail.

ALTER TABLE audit_log ADD COLUMN prev_hash text;
ALTER TABLE audit_log ADD COLUMN hash text;
CREATE INDEX audit_log_action_idx ON audit_log (action, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id DESC);

CREATE TABLE audit_chain_head (
  id integer PRIMARY KEY CHECK (id = 1),
  last_id bigint,
  last_hash text NOT NULL,
  entries bigint NOT NULL DEFAULT 0
);
INSERT INTO audit_chain_head (id, last_id, last_hash, entries)
VALUES (1, NULL, '0000000000000000000000000000000000000000000000000000000000000000', 0);

-- Append-only: the application's database role may insert and read, never change or remove. A superuser or the
-- table owner can still take this away; the hash chain is what makes such an edit visible.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
