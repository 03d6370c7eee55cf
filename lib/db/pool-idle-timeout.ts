/**
 * How long an idle PostgreSQL connection stays in a pool (the app's and the
 * job queue's; pg's default is 10 s): longer than any idle worker's pace
 * (heartbeat 30 s, schedules 60 s, polls 2 min), so an idle process reuses its
 * connection instead of opening one — with a SCRAM-SHA-256 exchange, PBKDF2 on
 * both sides — for nearly every query.
 */
export const POOL_IDLE_TIMEOUT_MS = 300_000;
