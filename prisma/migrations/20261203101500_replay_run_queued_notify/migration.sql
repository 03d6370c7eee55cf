-- Workers LISTEN on ratchet_jobs and dispatch queued replay runs the moment one
-- commits, instead of polling replay_runs every half second (issue 12, idle cost).
-- Every way a run becomes dispatchable (created queued, or put back to queued
-- undispatched) passes here; identical notifications of one transaction fold into one.
CREATE FUNCTION replay_runs_notify_queued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ratchet_jobs', 'replay_runs');
  RETURN NULL;
END
$$;

CREATE TRIGGER replay_runs_notify_queued_insert AFTER INSERT ON replay_runs
  FOR EACH ROW WHEN (NEW.status = 'queued' AND NEW.dispatched_at IS NULL) EXECUTE FUNCTION replay_runs_notify_queued();
CREATE TRIGGER replay_runs_notify_queued_update AFTER UPDATE OF status, dispatched_at ON replay_runs
  FOR EACH ROW WHEN (NEW.status = 'queued' AND NEW.dispatched_at IS NULL) EXECUTE FUNCTION replay_runs_notify_queued();
