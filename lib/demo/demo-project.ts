import type { Expectation } from "@/lib/scoring/expectation.schema";
import type { PatternPurpose } from "@/lib/patterns/pattern-purpose";
import type { SentimentLabel } from "./sentiment-model";

// The demo project as plain data: a review sentiment classifier with five known
// problems, each backed by 12–14 patterns. seedDemo() writes it to the database.

export type DemoPattern = {
  name: string;
  purpose: PatternPurpose;
  origin: "production" | "contrived";
  text: string;
  expectation: Expectation;
  notes?: string;
};

export type DemoProblem = {
  title: string;
  description: string;
  severity: "critical" | "high" | "medium" | "low";
  status: "open" | "monitoring";
  origin: string;
  target: number;
  /** Tighten the target whenever a version goes to production (the ratchet). */
  ratchet?: boolean;
  patterns: readonly DemoPattern[];
};

export const DEMO_PROJECT = {
  slug: "review-sentiment",
  name: "Review sentiment classifier",
  outputKind: "label",
  keyPrefix: "SENT",
  labels: ["positive", "negative", "neutral"] satisfies SentimentLabel[],
  description:
    "Classifies customer product reviews as positive, negative or neutral. The label feeds the " +
    "storefront's rating summaries and routes negative reviews to customer support within the hour, " +
    "so a complaint read as praise means an unhappy customer nobody calls back. Each model version is " +
    "served over the Open Inference Protocol; the problems below are the weaknesses clients, QA and " +
    "production incidents have found so far.",
} as const;

const is = (value: SentimentLabel): Expectation => ({ kind: "equals", value });
const isNot = (value: SentimentLabel): Expectation => ({ kind: "not_equals", value });

const sarcasm: DemoProblem = {
  title: "Sarcasm read as praise",
  description:
    "Sarcastic complaints (\"Oh great, it broke on day two\") are classified as positive because the " +
    "praise words dominate. Reported by a retail client whose angriest reviews showed up as five-star " +
    "highlights on their product pages.",
  severity: "high",
  status: "open",
  origin: "client report",
  target: 0.2,
  ratchet: true,
  patterns: [
    { name: "Zipper broke, 'oh great'", purpose: "case", origin: "production", text: "Oh great, the zipper broke the first time I used it.", expectation: is("negative") },
    { name: "Leaking kettle, 'just what I needed'", purpose: "case", origin: "production", text: "Just what I needed, a kettle that leaks all over the counter.", expectation: is("negative") },
    { name: "Dead charger, 'thanks a lot'", purpose: "control", origin: "production", text: "Thanks a lot, the charger died after three days.", expectation: isNot("positive"), notes: "Must never be shown as a positive highlight." },
    { name: "App logout, 'love how'", purpose: "case", origin: "production", text: "Love how the app logs me out every five minutes. Really annoying.", expectation: is("negative") },
    { name: "Cracked screen, 'great job'", purpose: "case", origin: "production", text: "Great job on the packaging, the screen arrived cracked.", expectation: is("negative") },
    { name: "Late express shipping, 'so glad'", purpose: "case", origin: "production", text: "So glad I paid extra for express shipping and it still arrived late.", expectation: is("negative") },
    { name: "Not waterproof, 'yeah right'", purpose: "control", origin: "production", text: "Yeah right, 'waterproof'. It died in the first rain.", expectation: isNot("positive") },
    { name: "Power button design, 'what a great idea'", purpose: "case", origin: "production", text: "What a great idea to put the power button where you press it by accident. Useless design.", expectation: is("negative") },
    { name: "Noisy blender, 'wow thanks'", purpose: "case", origin: "contrived", text: "Wow thanks, the blender is so noisy my neighbours complained.", expectation: is("negative") },
    { name: "Handle fell off, 'nothing says quality'", purpose: "case", origin: "contrived", text: "Nothing says quality like a handle that fell off on day one.", expectation: is("negative") },
    { name: "Broken mug, 'five stars for the box'", purpose: "control", origin: "contrived", text: "Five stars for the box. The mug inside was broken.", expectation: isNot("positive") },
    { name: "Slow after update, 'oh perfect'", purpose: "case", origin: "contrived", text: "Oh perfect, another update that made the app slow.", expectation: is("negative") },
    { name: "Genuine 'oh great' stays positive", purpose: "control", origin: "contrived", text: "Oh great, it arrived a day early and works perfectly!", expectation: isNot("negative"), notes: "Control: a cue without a complaint is real praise." },
  ],
};

const negation: DemoProblem = {
  title: "Negated praise counted as positive ('not great')",
  description:
    "Praise words under a negation (\"not great\", \"wouldn't recommend\") are counted as praise. " +
    "Logged after a production incident in which a batch of \"not worth the money\" reviews was routed " +
    "to the marketing quotes feed instead of support. Critical because it silently inverts the label.",
  severity: "critical",
  status: "open",
  origin: "production incident",
  target: 0.1,
  patterns: [
    { name: "'Not great', muffled sound", purpose: "case", origin: "production", text: "Not great, the sound is muffled.", expectation: is("negative") },
    { name: "'Not comfortable at all'", purpose: "case", origin: "production", text: "The fit is not comfortable at all.", expectation: is("negative") },
    { name: "'Would not recommend'", purpose: "control", origin: "production", text: "I would not recommend this to anyone.", expectation: isNot("positive") },
    { name: "'Not worth the money'", purpose: "case", origin: "production", text: "Never buying from this brand again, not worth the money.", expectation: is("negative"), notes: "From the incident batch." },
    { name: "'Isn't easy to set up'", purpose: "case", origin: "production", text: "Doesn't work as advertised and isn't easy to set up.", expectation: is("negative") },
    { name: "'Not happy'", purpose: "case", origin: "production", text: "Not happy with this purchase.", expectation: is("negative") },
    { name: "'Not bad at all' is not negative", purpose: "control", origin: "production", text: "Not bad at all for the price.", expectation: isNot("negative") },
    { name: "'No problems so far'", purpose: "case", origin: "production", text: "No problems so far, it does exactly what it says.", expectation: is("positive") },
    { name: "'Can't complain'", purpose: "case", origin: "production", text: "Honestly I can't complain, works fine.", expectation: is("positive") },
    { name: "'Not as bright as the photos'", purpose: "case", origin: "contrived", text: "The colours are not as bright as the photos.", expectation: { kind: "one_of", values: ["negative", "neutral"] }, notes: "Mild disappointment: negative or neutral are both acceptable." },
    { name: "'Hardly the best'", purpose: "case", origin: "contrived", text: "Hardly the best blender I've owned.", expectation: is("negative") },
    { name: "'Never stopped working'", purpose: "case", origin: "contrived", text: "It never stopped working, even after a year of daily use.", expectation: is("positive") },
    { name: "'Didn't love it'", purpose: "control", origin: "contrived", text: "I didn't love it.", expectation: isNot("positive") },
  ],
};

const emoji: DemoProblem = {
  title: "Emoji-only reviews",
  description:
    "Reviews made only of emoji get no signal from the text model and fall back to neutral, or worse. " +
    "Found by QA while testing the mobile app, where one-tap emoji reviews are common.",
  severity: "medium",
  status: "open",
  origin: "QA",
  target: 0.25,
  patterns: [
    { name: "Heart eyes ×3", purpose: "case", origin: "production", text: "😍😍😍", expectation: is("positive") },
    { name: "Thumbs down ×2", purpose: "case", origin: "production", text: "👎👎", expectation: is("negative") },
    { name: "Fire and 100", purpose: "case", origin: "production", text: "🔥🔥🔥💯", expectation: is("positive") },
    { name: "Angry face", purpose: "case", origin: "production", text: "😡", expectation: is("negative") },
    { name: "Red hearts", purpose: "case", origin: "production", text: "❤️❤️", expectation: is("positive") },
    { name: "Vomiting face", purpose: "case", origin: "production", text: "🤮", expectation: is("negative") },
    { name: "Smile and thumbs up", purpose: "case", origin: "production", text: "🙂👍", expectation: is("positive") },
    { name: "Eye roll is not praise", purpose: "control", origin: "contrived", text: "🙄🙄", expectation: isNot("positive") },
    { name: "Neutral face", purpose: "case", origin: "contrived", text: "😐", expectation: is("neutral") },
    { name: "Five stars", purpose: "case", origin: "contrived", text: "⭐⭐⭐⭐⭐", expectation: is("positive") },
    { name: "Broken heart and tears", purpose: "case", origin: "contrived", text: "💔😢", expectation: is("negative") },
    { name: "Parcel and shrug", purpose: "case", origin: "contrived", text: "📦🤷", expectation: { kind: "in_top_k", value: "neutral", k: 2 }, notes: "Ambiguous: neutral should at least rank second." },
    { name: "Swearing and bin", purpose: "case", origin: "contrived", text: "🤬🤬🗑️", expectation: is("negative") },
    { name: "Party is not neutral", purpose: "control", origin: "contrived", text: "🎉🙌", expectation: isNot("neutral"), notes: "A celebration must not be dismissed as no opinion." },
  ],
};

const spanish: DemoProblem = {
  title: "Spanish-language reviews",
  description:
    "Reviews written in Spanish are mostly unknown words to the model and come out neutral. Reported by " +
    "a client that started selling in Mexico and Spain; low severity while Spanish is under 5% of volume.",
  severity: "low",
  status: "open",
  origin: "client report",
  target: 0.3,
  patterns: [
    { name: "Me encanta", purpose: "case", origin: "production", text: "Me encanta, excelente calidad.", expectation: is("positive") },
    { name: "Se rompió a los dos días", purpose: "case", origin: "production", text: "Muy malo, se rompió a los dos días.", expectation: is("negative") },
    { name: "Producto perfecto", purpose: "case", origin: "production", text: "Producto perfecto, llegó rápido.", expectation: is("positive") },
    { name: "Pésima compra", purpose: "case", origin: "production", text: "Pésima compra, no lo recomiendo.", expectation: is("negative") },
    { name: "No funciona, devolución", purpose: "case", origin: "production", text: "No funciona, quiero devolverlo.", expectation: is("negative") },
    { name: "Una estafa", purpose: "case", origin: "production", text: "Es una basura, una estafa.", expectation: is("negative") },
    { name: "Buenísimo", purpose: "case", origin: "production", text: "Buenísimo, lo recomiendo.", expectation: is("positive") },
    { name: "Mala calidad y caro", purpose: "control", origin: "production", text: "La calidad es mala y es muy caro.", expectation: isNot("neutral"), notes: "A clear complaint must not be dismissed as neutral." },
    { name: "Regalo para mi hija", purpose: "case", origin: "contrived", text: "Genial, mi hija está feliz con el regalo.", expectation: is("positive") },
    { name: "Cómodo y bonito", purpose: "case", origin: "contrived", text: "Muy cómodo y bonito.", expectation: is("positive") },
    { name: "Muy decepcionada", purpose: "control", origin: "contrived", text: "No me gusta nada, muy decepcionada.", expectation: isNot("neutral") },
    { name: "'Terrible' reads the same in English", purpose: "case", origin: "contrived", text: "Terrible, el peor producto que he comprado.", expectation: is("negative") },
    { name: "Horrible servicio", purpose: "case", origin: "contrived", text: "Horrible servicio, nunca más.", expectation: is("negative") },
  ],
};

const contrast: DemoProblem = {
  title: "Mixed reviews judged by their first clause",
  description:
    "In reviews that turn (\"…, but …\"), the verdict is in the clause after the turn, yet the model " +
    "weighs the opening clause most. Found by QA on the weekly review sample; being monitored while " +
    "each retrain improves it.",
  severity: "medium",
  status: "monitoring",
  origin: "QA",
  target: 0.2,
  ratchet: true,
  patterns: [
    { name: "Gorgeous screen, dead battery", purpose: "case", origin: "production", text: "The screen is gorgeous but the battery died in a day.", expectation: is("negative") },
    { name: "Late but works perfectly", purpose: "case", origin: "production", text: "It arrived late but it works perfectly.", expectation: is("positive") },
    { name: "Great sound, cushions ripped", purpose: "case", origin: "production", text: "Great sound, however the ear cushions ripped within a month.", expectation: is("negative") },
    { name: "Slow shipping, excellent quality", purpose: "case", origin: "production", text: "Shipping was slow, but the quality is excellent.", expectation: is("positive") },
    { name: "Beautiful but flimsy", purpose: "case", origin: "production", text: "Looks beautiful but feels flimsy and cheaply made.", expectation: is("negative") },
    { name: "Defective first, flawless replacement", purpose: "case", origin: "production", text: "The first one was defective, but the replacement has been flawless.", expectation: is("positive") },
    { name: "Wanted to love it", purpose: "case", origin: "production", text: "I wanted to love it but it's just uncomfortable.", expectation: is("negative") },
    { name: "Easy setup, crashing app", purpose: "case", origin: "production", text: "Easy to set up, but the app crashes constantly.", expectation: is("negative") },
    { name: "Noisy but the best vacuum", purpose: "case", origin: "contrived", text: "Bit noisy but honestly the best vacuum I've had.", expectation: is("positive") },
    { name: "Nice design, stopped working", purpose: "case", origin: "contrived", text: "Nice design, but it stopped working after two weeks.", expectation: is("negative") },
    { name: "Damaged box is not the verdict", purpose: "control", origin: "contrived", text: "The box was damaged but the lamp itself is perfect.", expectation: isNot("negative") },
    { name: "Good price, returning it", purpose: "control", origin: "contrived", text: "Good price, but I'm returning it because it's too small.", expectation: isNot("positive") },
    { name: "Rude service, solid product", purpose: "case", origin: "contrived", text: "Customer service was rude, but the product is solid and reliable.", expectation: { kind: "in_top_k", value: "positive", k: 2 }, notes: "Positive should rank at least second." },
  ],
};

/** Problems in key order: SENT-1 … SENT-5. */
export const DEMO_PROBLEMS: readonly DemoProblem[] = [sarcasm, negation, emoji, spanish, contrast];
