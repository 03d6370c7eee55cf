-- CreateTable
CREATE TABLE "error_rate_counts" (
    "problem_id" TEXT NOT NULL,
    "model_version_id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "version_registered_at" TIMESTAMP(3) NOT NULL,
    "passed" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "errored" INTEGER NOT NULL DEFAULT 0,
    "ungraded" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "error_rate_counts_pkey" PRIMARY KEY ("problem_id","model_version_id")
);

-- CreateIndex
CREATE INDEX "error_rate_counts_project_id_model_version_id_idx" ON "error_rate_counts"("project_id", "model_version_id");

-- CreateIndex
CREATE INDEX "error_rate_counts_problem_id_version_registered_at_idx" ON "error_rate_counts"("problem_id", "version_registered_at" DESC);

-- CreateIndex
CREATE INDEX "results_project_id_problem_id_model_version_id_idx" ON "results"("project_id", "problem_id", "model_version_id");

-- AddForeignKey
ALTER TABLE "error_rate_counts" ADD CONSTRAINT "error_rate_counts_problem_id_fkey" FOREIGN KEY ("problem_id") REFERENCES "problems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "error_rate_counts" ADD CONSTRAINT "error_rate_counts_model_version_id_fkey" FOREIGN KEY ("model_version_id") REFERENCES "model_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───── error_rate_counts is maintained by triggers, in the writing transaction ─────
-- A result counts when its revision is the current one of a non-archived pattern.
-- Every writer of `results` (replay batches, grading, seeds, tests) and of a
-- pattern's current revision or archived state goes through these triggers, so the
-- counts equal the aggregate over `results` at every commit.

-- (problem, model version) → verdict counts of the given rows that count, as deltas.
CREATE FUNCTION error_rate_counts_upsert(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO error_rate_counts AS c (problem_id, model_version_id, project_id, version_registered_at, passed, failed, errored, ungraded)
  SELECT d.problem_id, d.model_version_id, d.project_id, mv.created_at, d.passed, d.failed, d.errored, d.ungraded
  FROM jsonb_to_recordset(deltas) AS d(problem_id text, model_version_id text, project_id text, passed int, failed int, errored int, ungraded int)
  JOIN model_versions mv ON mv.id = d.model_version_id
  -- A cascade (project or problem deleted → replay runs → results.replay_run_id set
  -- null) updates results of a problem already gone: never re-create its row.
  JOIN problems pr ON pr.id = d.problem_id
  -- One lock order for every writer: no deadlock between two batches.
  ORDER BY d.problem_id, d.model_version_id
  ON CONFLICT (problem_id, model_version_id) DO UPDATE SET
    passed = c.passed + EXCLUDED.passed,
    failed = c.failed + EXCLUDED.failed,
    errored = c.errored + EXCLUDED.errored,
    ungraded = c.ungraded + EXCLUDED.ungraded
$$;

-- Subtraction only ever touches existing rows (what was counted has a row), and
-- never inserts: a cascade that deletes the problem or version must not re-create it.
CREATE FUNCTION error_rate_counts_subtract(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  UPDATE error_rate_counts c SET
    passed = c.passed - d.passed,
    failed = c.failed - d.failed,
    errored = c.errored - d.errored,
    ungraded = c.ungraded - d.ungraded
  FROM (
    SELECT * FROM jsonb_to_recordset(deltas) AS x(problem_id text, model_version_id text, passed int, failed int, errored int, ungraded int)
    ORDER BY problem_id, model_version_id
  ) d
  WHERE c.problem_id = d.problem_id AND c.model_version_id = d.model_version_id
    -- Inside a cascade the problem or version may already be gone; a second update
    -- of a row this transaction wrote re-checks its foreign keys, so leave such rows
    -- to the cascade that deletes them.
    AND EXISTS (SELECT 1 FROM problems pr WHERE pr.id = c.problem_id)
    AND EXISTS (SELECT 1 FROM model_versions mv WHERE mv.id = c.model_version_id)
$$;

CREATE FUNCTION error_rate_counts_after_results() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added jsonb;
  removed jsonb;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    -- Lock the patterns whose current revision the new rows belong to: an edit or
    -- archive of one of them waits for this transaction (or this waits for it and
    -- then sees its outcome), so a result is counted under the revision current at commit.
    PERFORM 1 FROM patterns p
      WHERE p.current_revision_id IN (SELECT DISTINCT n.pattern_revision_id FROM new_rows n)
      ORDER BY p.id FOR SHARE;
    SELECT jsonb_agg(g) INTO added FROM (
      SELECT n.problem_id, n.model_version_id, min(n.project_id) AS project_id,
             count(*) FILTER (WHERE n.verdict = 'pass')::int AS passed,
             count(*) FILTER (WHERE n.verdict = 'fail')::int AS failed,
             count(*) FILTER (WHERE n.verdict = 'error')::int AS errored,
             count(*) FILTER (WHERE n.verdict IS NULL)::int AS ungraded
      FROM new_rows n
      JOIN patterns p ON p.current_revision_id = n.pattern_revision_id AND p.archived_at IS NULL
      GROUP BY n.problem_id, n.model_version_id
    ) g;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT jsonb_agg(g) INTO removed FROM (
      SELECT o.problem_id, o.model_version_id,
             count(*) FILTER (WHERE o.verdict = 'pass')::int AS passed,
             count(*) FILTER (WHERE o.verdict = 'fail')::int AS failed,
             count(*) FILTER (WHERE o.verdict = 'error')::int AS errored,
             count(*) FILTER (WHERE o.verdict IS NULL)::int AS ungraded
      FROM old_rows o
      JOIN patterns p ON p.current_revision_id = o.pattern_revision_id AND p.archived_at IS NULL
      GROUP BY o.problem_id, o.model_version_id
    ) g;
  END IF;
  IF removed IS NOT NULL THEN PERFORM error_rate_counts_subtract(removed); END IF;
  IF added IS NOT NULL THEN PERFORM error_rate_counts_upsert(added); END IF;
  RETURN NULL;
END
$$;

-- Transition tables allow one event per trigger.
CREATE TRIGGER error_rate_counts_after_insert AFTER INSERT ON results
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION error_rate_counts_after_results();
CREATE TRIGGER error_rate_counts_after_update AFTER UPDATE ON results
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION error_rate_counts_after_results();
CREATE TRIGGER error_rate_counts_after_delete AFTER DELETE ON results
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION error_rate_counts_after_results();

-- The counts one revision's results contribute, per (problem, model version).
CREATE FUNCTION error_rate_counts_of_revision(revision_id text) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_agg(g) FROM (
    SELECT r.problem_id, r.model_version_id, min(r.project_id) AS project_id,
           count(*) FILTER (WHERE r.verdict = 'pass')::int AS passed,
           count(*) FILTER (WHERE r.verdict = 'fail')::int AS failed,
           count(*) FILTER (WHERE r.verdict = 'error')::int AS errored,
           count(*) FILTER (WHERE r.verdict IS NULL)::int AS ungraded
    FROM results r WHERE r.pattern_revision_id = revision_id
    GROUP BY r.problem_id, r.model_version_id
  ) g
$$;

-- A pattern's results move in or out of the counts when its current revision
-- changes, it is archived or restored, or it is deleted (before its results cascade).
CREATE FUNCTION error_rate_counts_on_pattern() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb;
BEGIN
  IF OLD.current_revision_id IS NOT NULL AND OLD.archived_at IS NULL THEN
    deltas := error_rate_counts_of_revision(OLD.current_revision_id);
    IF deltas IS NOT NULL THEN PERFORM error_rate_counts_subtract(deltas); END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  IF NEW.current_revision_id IS NOT NULL AND NEW.archived_at IS NULL THEN
    deltas := error_rate_counts_of_revision(NEW.current_revision_id);
    IF deltas IS NOT NULL THEN PERFORM error_rate_counts_upsert(deltas); END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER error_rate_counts_after_pattern_update AFTER UPDATE OF current_revision_id, archived_at ON patterns
  FOR EACH ROW
  WHEN (OLD.current_revision_id IS DISTINCT FROM NEW.current_revision_id OR (OLD.archived_at IS NULL) <> (NEW.archived_at IS NULL))
  EXECUTE FUNCTION error_rate_counts_on_pattern();
CREATE TRIGGER error_rate_counts_before_pattern_delete BEFORE DELETE ON patterns
  FOR EACH ROW EXECUTE FUNCTION error_rate_counts_on_pattern();

-- Recounts one project from `results` (after a bulk load with triggers off, or as a repair).
CREATE FUNCTION rebuild_error_rate_counts(target_project_id text) RETURNS void LANGUAGE sql AS $$
  DELETE FROM error_rate_counts WHERE project_id = target_project_id;
  INSERT INTO error_rate_counts (problem_id, model_version_id, project_id, version_registered_at, passed, failed, errored, ungraded)
  SELECT r.problem_id, r.model_version_id, target_project_id, min(mv.created_at),
         count(*) FILTER (WHERE r.verdict = 'pass'),
         count(*) FILTER (WHERE r.verdict = 'fail'),
         count(*) FILTER (WHERE r.verdict = 'error'),
         count(*) FILTER (WHERE r.verdict IS NULL)
  FROM results r
  JOIN patterns p ON p.current_revision_id = r.pattern_revision_id AND p.archived_at IS NULL
  JOIN model_versions mv ON mv.id = r.model_version_id
  WHERE r.project_id = target_project_id AND p.project_id = target_project_id
  GROUP BY r.problem_id, r.model_version_id
$$;

SELECT rebuild_error_rate_counts(id) FROM projects;
