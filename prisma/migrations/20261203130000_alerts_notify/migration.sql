-- Workers LISTEN for the rows their alert sweeps turn into work — a finished run
-- (replay_run_finishes) and a delivery to send (webhook_deliveries) — instead of
-- querying both tables every second while idle (issue 12, idle cost). The channel
-- is the trigger's argument; the sweeps still run every 30 s as a backstop.
CREATE FUNCTION alerts_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(TG_ARGV[0], TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER replay_run_finishes_notify AFTER INSERT ON replay_run_finishes
  FOR EACH STATEMENT EXECUTE FUNCTION alerts_notify('ratchet_run_finishes');
CREATE TRIGGER webhook_deliveries_notify AFTER INSERT ON webhook_deliveries
  FOR EACH STATEMENT EXECUTE FUNCTION alerts_notify('ratchet_webhook_deliveries');
