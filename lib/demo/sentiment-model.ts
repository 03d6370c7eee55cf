import { createHash } from "node:crypto";
import {
  CONTRAST_MARKERS,
  EMOJI_LEXICON,
  ENGLISH_LEXICON,
  NEGATION_WINDOW,
  NEGATORS,
  SARCASM_CUES,
  SPANISH_LEXICON,
  SPANISH_MARKERS,
} from "./sentiment-lexicons";

// The demo model: a small, deterministic, rule-based sentiment classifier for
// product reviews. Each version has a skill per trait; where a trait occurs in a
// review, the version applies the right rule with that probability (a stable hash
// of version, trait and text) and otherwise makes the trait's characteristic
// mistake. That gives the seeded problems realistic, reproducible error rates.

export const DEMO_MODEL_NAME = "sentiment";
export const SENTIMENT_LABELS = ["positive", "negative", "neutral"] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export const SENTIMENT_TRAITS = ["negation", "sarcasm", "emoji", "spanish", "contrast"] as const;
export type SentimentTrait = (typeof SENTIMENT_TRAITS)[number];
export type TraitSkills = Record<SentimentTrait, number>;
export type TraitHandling = Record<SentimentTrait, boolean>;

export type SentimentPrediction = {
  label: SentimentLabel;
  scores: Record<SentimentLabel, number>;
};

export type DemoModelVersion = {
  version: string;
  status: "candidate" | "production" | "retired";
  trainedAt: string;
  sourceUrl: string;
  metrics: { accuracy: number; macro_f1: number; auc: number; eval_set: string; eval_size: number; epochs: number };
  /** Probability (0–1) that the version applies the right rule for each trait. */
  skills: TraitSkills;
  /** Confidence of the scores: higher means peakier probabilities. */
  sharpness: number;
};

const EVAL_SET = "reviews-holdout-2025-12";

/** Registration order: the x axis of every chart. Overall metrics improve every time, even where a problem regresses. */
export const DEMO_MODEL_VERSIONS: readonly DemoModelVersion[] = [
  {
    version: "1.0",
    status: "retired",
    trainedAt: "2026-01-14T09:30:00.000Z",
    sourceUrl: "https://git.example.com/ml/sentiment/commit/3f9a1c2e7b",
    metrics: { accuracy: 0.842, macro_f1: 0.806, auc: 0.901, eval_set: EVAL_SET, eval_size: 12000, epochs: 4 },
    skills: { negation: 0.95, sarcasm: 0.05, emoji: 0.45, spanish: 0, contrast: 0.3 },
    sharpness: 1.1,
  },
  {
    version: "1.1",
    status: "retired",
    trainedAt: "2026-03-11T14:05:00.000Z",
    sourceUrl: "https://git.example.com/ml/sentiment/commit/a71d04be5c",
    metrics: { accuracy: 0.856, macro_f1: 0.824, auc: 0.913, eval_set: EVAL_SET, eval_size: 12000, epochs: 5 },
    skills: { negation: 0.95, sarcasm: 0.3, emoji: 0.5, spanish: 0.08, contrast: 0.45 },
    sharpness: 1.2,
  },
  {
    version: "2.0",
    status: "retired",
    trainedAt: "2026-05-20T11:40:00.000Z",
    sourceUrl: "https://git.example.com/ml/sentiment/commit/c4e88f1093",
    metrics: { accuracy: 0.879, macro_f1: 0.857, auc: 0.93, eval_set: EVAL_SET, eval_size: 15000, epochs: 6 },
    skills: { negation: 0.97, sarcasm: 0.36, emoji: 0.5, spanish: 0.6, contrast: 0.62 },
    sharpness: 1.4,
  },
  {
    version: "2.1",
    status: "production",
    trainedAt: "2026-07-29T08:15:00.000Z",
    sourceUrl: "https://git.example.com/ml/sentiment/commit/9b2f6ad7e1",
    metrics: { accuracy: 0.892, macro_f1: 0.871, auc: 0.939, eval_set: EVAL_SET, eval_size: 15000, epochs: 6 },
    skills: { negation: 1, sarcasm: 0.75, emoji: 0.38, spanish: 0.7, contrast: 0.65 },
    sharpness: 1.5,
  },
  {
    version: "3.0",
    status: "candidate",
    trainedAt: "2026-10-07T16:50:00.000Z",
    sourceUrl: "https://git.example.com/ml/sentiment/commit/e05c3b8a42",
    metrics: { accuracy: 0.911, macro_f1: 0.894, auc: 0.954, eval_set: EVAL_SET, eval_size: 18000, epochs: 8 },
    skills: { negation: 0.45, sarcasm: 0.86, emoji: 0.45, spanish: 0.85, contrast: 0.85 },
    sharpness: 1.8,
  },
];

const HANDLES_EVERYTHING: TraitHandling = { negation: true, sarcasm: true, emoji: true, spanish: true, contrast: true };

/** The version with this label, or undefined. */
export function findDemoModelVersion(version: string): DemoModelVersion | undefined {
  return DEMO_MODEL_VERSIONS.find((v) => v.version === version);
}

/** Predicts one review with one version's skills. Deterministic. */
export function predictSentiment(model: Pick<DemoModelVersion, "version" | "skills" | "sharpness">, text: string): SentimentPrediction {
  const handling = traitHandling(model.version, model.skills, text);
  return toPrediction(readSentiment(text, handling).score, model.sharpness);
}

/** Which trait rules a version applies to this text: stable per (version, trait, text). */
export function traitHandling(version: string, skills: TraitSkills, text: string): TraitHandling {
  const handling = { ...HANDLES_EVERYTHING };
  for (const trait of SENTIMENT_TRAITS) handling[trait] = hash01(`${version}\u0000${trait}\u0000${text}`) < skills[trait];
  return handling;
}

/** A stable number in [0, 1) from a string. */
export function hash01(key: string): number {
  return createHash("sha256").update(key).digest().readUInt32BE(0) / 2 ** 32;
}

export type SentimentReading = { score: number; traits: ReadonlySet<SentimentTrait> };

/**
 * Reads a review with the given rules switched on. With every rule on it is the
 * oracle; with a rule off, the trait's characteristic mistake: negation ignored,
 * sarcasm read literally, emoji unknown, Spanish words unknown, first clause decides.
 */
export function readSentiment(text: string, handling: TraitHandling = HANDLES_EVERYTHING): SentimentReading {
  const tokens = tokenize(text);
  const traits = new Set<SentimentTrait>();
  const weights = tokens.map((token) => tokenWeight(token, handling, traits));

  for (const [i, token] of tokens.entries()) {
    if (!isNegator(token)) continue;
    for (let j = i + 1; j <= Math.min(i + NEGATION_WINDOW, tokens.length - 1); j++) {
      const next = tokens[j] as string;
      if (PUNCTUATION.test(next) || CONTRAST_MARKERS.has(next) || isNegator(next)) break;
      if ((weights[j] ?? 0) !== 0) {
        traits.add("negation");
        if (handling.negation) weights[j] = -(weights[j] ?? 0);
      }
    }
  }

  const cues = findSarcasmCues(tokens);
  for (const cue of cues) for (let j = cue.start; j < cue.end; j++) weights[j] = 0;
  const hasComplaint = weights.some((w) => w < 0);

  const clauseScores: number[] = [0];
  for (const [i, token] of tokens.entries()) {
    if (CONTRAST_MARKERS.has(token)) {
      clauseScores.push(0);
      continue;
    }
    clauseScores[clauseScores.length - 1] = (clauseScores.at(-1) ?? 0) + (weights[i] ?? 0);
  }
  for (const cue of cues) {
    const clause = tokens.slice(0, cue.start).filter((t) => CONTRAST_MARKERS.has(t)).length;
    const sarcastic = hasComplaint;
    if (sarcastic) traits.add("sarcasm");
    clauseScores[clause] = (clauseScores[clause] ?? 0) + (sarcastic && handling.sarcasm ? -2 : cue.literalWeight);
  }

  const total = clauseScores.reduce((sum, s) => sum + s, 0);
  const opinionated = clauseScores.filter((s) => s !== 0);
  if (clauseScores.length < 2 || opinionated.length < 2) return { score: total, traits };
  traits.add("contrast");
  const decisive = handling.contrast ? opinionated.at(-1) : opinionated[0];
  return { score: decisive ?? total, traits };
}

/** Punctuation ends a negation's scope ("no funciona, muy malo"). */
const PUNCTUATION = /^[.,;:!?]$/;

function tokenize(text: string): string[] {
  const normalized = text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
  return normalized.match(/\p{Extended_Pictographic}|[\p{L}\p{N}]+(?:'\p{L}+)?|[.,;:!?]/gu) ?? [];
}

function isNegator(token: string): boolean {
  return NEGATORS.has(token) || token.endsWith("n't") || token === "cannot";
}

function tokenWeight(token: string, handling: TraitHandling, traits: Set<SentimentTrait>): number {
  const english = ENGLISH_LEXICON[token];
  if (english !== undefined) return english;
  const emoji = EMOJI_LEXICON[token];
  if (emoji !== undefined) {
    traits.add("emoji");
    return handling.emoji ? emoji : 0;
  }
  const spanish = SPANISH_LEXICON[token];
  if (spanish !== undefined || SPANISH_MARKERS.has(token)) traits.add("spanish");
  return spanish !== undefined && handling.spanish ? spanish : 0;
}

type SarcasmCue = { start: number; end: number; literalWeight: number };

function findSarcasmCues(tokens: readonly string[]): SarcasmCue[] {
  const found: SarcasmCue[] = [];
  for (const cue of SARCASM_CUES) {
    const words = cue.phrase.split(" ");
    for (let i = 0; i + words.length <= tokens.length; i++) {
      if (words.every((word, j) => tokens[i + j] === word)) {
        found.push({ start: i, end: i + words.length, literalWeight: cue.literalWeight });
      }
    }
  }
  return found;
}

// Neutral's logit sits just above 0.5 so lukewarm reviews (score ±0.5) are neutral without tied scores.
const NEUTRAL_LOGIT = 0.501;

/** Probabilities from the reading's score; label is the argmax, neutral winning ties. */
function toPrediction(score: number, sharpness: number): SentimentPrediction {
  const logits: Record<SentimentLabel, number> = { positive: score, negative: -score, neutral: NEUTRAL_LOGIT };
  const max = Math.max(...Object.values(logits));
  const exp = SENTIMENT_LABELS.map((label) => Math.exp(sharpness * (logits[label] - max)));
  const sum = exp.reduce((a, b) => a + b, 0);
  const scores = { positive: (exp[0] ?? 0) / sum, negative: (exp[1] ?? 0) / sum, neutral: (exp[2] ?? 0) / sum };
  const label = logits.neutral >= logits.positive && logits.neutral >= logits.negative
    ? "neutral"
    : logits.positive > logits.negative ? "positive" : "negative";
  return { label, scores };
}

/** Labels from most to least likely, for `in_top_k` expectations; ties ranked as the label rule breaks them. */
export function rankLabels(prediction: SentimentPrediction): SentimentLabel[] {
  const tieOrder: SentimentLabel[] = ["neutral", "positive", "negative"];
  return [...tieOrder].sort((a, b) => prediction.scores[b] - prediction.scores[a]);
}
