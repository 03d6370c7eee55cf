/**
 * Marks the production version beside the word "production" (never alone): on the chart's
 * axis and tooltip, and in the dashboard's table header and legend. A plain module, so
 * server components read the string itself, not a client reference.
 */
export const PRODUCTION_GLYPH = "★";
