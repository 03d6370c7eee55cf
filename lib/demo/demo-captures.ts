import { judgeOutput } from "@/lib/scoring/judge-output";
import { demoOutputFor } from "./demo-output-for";
import { DEMO_PROBLEMS } from "./demo-project";
import { findDemoModelVersion, hash01, predictSentiment, type SentimentLabel } from "./sentiment-model";

// The demo's production captures: eight weeks of reviews sent to the
// production version (2.1) with its answer and, for about two thirds, the end
// user's thumbs (-1 when the answer was wrong). Six calm weeks draw reviews
// like the pattern set; the last two bring a wave of complaints (reviews the
// model reads as negative, three times as many), so the captures page's drift
// chart crosses its threshold.

export const DEMO_CAPTURE_WEEKS = 8;
const DAY_MS = 24 * 60 * 60 * 1000;

export type DemoCapture = {
  input: { text: string };
  output: SentimentLabel;
  rating: number | null;
  createdAt: Date;
  /** The current week's captures wait in the inbox; older ones were dismissed. */
  status: "inbox" | "dismissed";
};

/** The demo's captures up to `now`, oldest first. Deterministic for a given `now`. */
export function buildDemoCaptures(now: Date): DemoCapture[] {
  const production = findDemoModelVersion("2.1");
  if (!production) throw new Error("the demo has no production version 2.1");
  const patterns = DEMO_PROBLEMS.flatMap((problem) => problem.patterns);
  const captures: DemoCapture[] = [];
  for (let week = 0; week < DEMO_CAPTURE_WEEKS; week++) {
    const weeksAgo = DEMO_CAPTURE_WEEKS - 1 - week;
    const wave = weeksAgo <= 1;
    for (const pattern of patterns) {
      const prediction = predictSentiment(production, pattern.text);
      const draw = hash01(`${week}\u0000${pattern.name}`);
      // Calm weeks: about half the patterns, like the set; the wave: every complaint three times, a few other reviews.
      const copies = wave ? (prediction.label === "negative" ? 3 : draw < 0.15 ? 1 : 0) : draw < 0.5 ? 1 : 0;
      for (let copy = 0; copy < copies; copy++) {
        const key = `${week}\u0000${copy}\u0000${pattern.name}`;
        const output = prediction.label;
        const right = judgeOutput(pattern.expectation, demoOutputFor(pattern.expectation, prediction)) === "pass";
        // Spread over the week, never in the future: the current week's captures fall between its Monday and now.
        const createdAt = new Date(now.getTime() - weeksAgo * 7 * DAY_MS - Math.floor(hash01(`at\u0000${key}`) * (weeksAgo === 0 ? 2 : 7) * DAY_MS));
        captures.push({
          input: { text: pattern.text },
          output,
          rating: hash01(`rated\u0000${key}`) < 0.65 ? (right ? 1 : -1) : null,
          createdAt,
          status: weeksAgo === 0 ? "inbox" : "dismissed",
        });
      }
    }
  }
  return captures.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
