// Word lists of the demo sentiment model. Weights: ±1 ordinary, ±2 strong, ±0.5 lukewarm.

export const ENGLISH_LEXICON: Readonly<Record<string, number>> = {
  good: 1, great: 1.5, excellent: 2, amazing: 2, awesome: 2, love: 2, loved: 2, loves: 2, perfect: 2,
  perfectly: 1.5, fantastic: 2, wonderful: 2, happy: 1, recommend: 1, recommended: 1, best: 2, nice: 1,
  comfortable: 1, sturdy: 1, fast: 1, beautiful: 1, worth: 1, pleased: 1, impressed: 1.5, reliable: 1,
  flawless: 2, brilliant: 2, superb: 2, solid: 1, glad: 1, enjoy: 1, enjoyed: 1, helpful: 1, easy: 1,
  quick: 1, gorgeous: 2, delighted: 2, satisfied: 1, works: 0.5, thanks: 1, fine: 0.5, ok: 0.5, okay: 0.5,
  decent: 0.5, cozy: 1, crisp: 1, bright: 0.5, soft: 0.5, durable: 1, fits: 0.5, friendly: 1,
  bad: -1, terrible: -2, awful: -2, horrible: -2, broke: -1, broken: -1.5, breaks: -1, worst: -2, hate: -2,
  hated: -2, poor: -1, disappointed: -1.5, disappointing: -1.5, useless: -2, waste: -2, refund: -1,
  returned: -1, returning: -1, flimsy: -1, slow: -1, defective: -2, junk: -2, garbage: -2, leaks: -1,
  leaked: -1, died: -1.5, dead: -1, stopped: -1, cracked: -1, late: -1, missing: -1, wrong: -1,
  scratched: -1, noisy: -1, overpriced: -1, annoying: -1, fails: -1, failed: -1, unusable: -2, rude: -1,
  uncomfortable: -1, mess: -1, ripped: -1, smells: -1, meh: -0.5, lukewarm: -0.5, cheaply: -1, fell: -0.5,
  worse: -1.5, problem: -1, problems: -1, faded: -1, shrank: -1, lost: -1, burnt: -1, stuck: -1,
  impressive: 1.5, work: 0.5, complain: -1, crashes: -1.5, crash: -1, damaged: -1, muffled: -1, blurry: -1, sticky: -1, wobbly: -1, peeling: -1, stale: -1, lagging: -1, lags: -1,
};

/** Negators flip the sentiment words in the next NEGATION_WINDOW tokens. */
export const NEGATORS: ReadonlySet<string> = new Set([
  "not", "no", "never", "hardly", "barely", "nothing", "nor", "neither", "without", "nunca", "ni", "tampoco",
]);
export const NEGATION_WINDOW = 3;

/** Contrast markers: the clause after the (last) marker carries the verdict. */
export const CONTRAST_MARKERS: ReadonlySet<string> = new Set(["but", "however", "pero"]);

/** Sarcasm cues: praise that, next to a complaint, means the opposite. Literal weight when read at face value. */
export const SARCASM_CUES: readonly { phrase: string; literalWeight: number }[] = [
  { phrase: "oh great", literalWeight: 3 },
  { phrase: "oh wonderful", literalWeight: 3 },
  { phrase: "oh perfect", literalWeight: 3 },
  { phrase: "yeah right", literalWeight: 2 },
  { phrase: "just what i needed", literalWeight: 3 },
  { phrase: "thanks a lot", literalWeight: 3 },
  { phrase: "love how", literalWeight: 3 },
  { phrase: "great job", literalWeight: 3 },
  { phrase: "so glad", literalWeight: 3 },
  { phrase: "wow thanks", literalWeight: 3 },
  { phrase: "what a great", literalWeight: 3 },
  { phrase: "nothing says quality like", literalWeight: 3 },
  { phrase: "five stars for", literalWeight: 3 },
  { phrase: "truly a masterpiece", literalWeight: 3 },
];

export const EMOJI_LEXICON: Readonly<Record<string, number>> = {
  "😍": 2, "❤": 2, "🥰": 2, "😻": 2, "💯": 1.5, "🔥": 1.5, "👍": 1, "😊": 1, "🙂": 1, "😀": 1, "😁": 1,
  "😃": 1, "👌": 1, "🎉": 1, "⭐": 1, "🌟": 1, "🙌": 1, "👏": 1, "💪": 1, "😎": 1,
  "😡": -2, "🤬": -2, "😠": -2, "💩": -2, "🤮": -2, "💔": -2, "👎": -1.5, "😞": -1, "😢": -1, "🙄": -1,
  "😤": -1, "🤡": -1, "😫": -1, "😩": -1, "🗑": -1.5, "😒": -1, "🤢": -1.5,
  "😐": 0, "🤷": 0, "📦": 0, "😶": 0, "🤔": 0,
};

/** Spanish words (accents stripped before lookup). */
export const SPANISH_LEXICON: Readonly<Record<string, number>> = {
  bueno: 1, buena: 1, buenisimo: 2, buenisima: 2, excelente: 2, genial: 2, encanta: 2, encanto: 2,
  perfecto: 2, perfecta: 2, recomiendo: 1, recomendable: 1, feliz: 1, rapido: 1, rapida: 1, mejor: 1.5,
  gusta: 1, gusto: 1, funciona: 0.5, comodo: 1, comoda: 1, bonito: 1, bonita: 1, precioso: 2, preciosa: 2,
  contento: 1, contenta: 1, bien: 1, devolverlo: -1, maravilla: 2, calidad: 0.5, vale: 0.5,
  malo: -1, mala: -1, pesimo: -2, pesima: -2, roto: -1, rota: -1, rompio: -1.5, decepcionado: -1.5,
  decepcionada: -1.5, decepcion: -1.5, devolver: -1, devolvi: -1, basura: -2, lento: -1, lenta: -1,
  peor: -2, odio: -2, defectuoso: -2, defectuosa: -2, caro: -1, cara: -0.5, tarde: -1, estafa: -2,
  fatal: -2, falla: -1, fallo: -1, incomodo: -1, incomoda: -1, nadie: -0.5,
};

/** Words that mark a review as Spanish even when they carry no sentiment. */
export const SPANISH_MARKERS: ReadonlySet<string> = new Set([
  "el", "la", "los", "las", "que", "muy", "es", "pero", "con", "para", "producto", "llego", "una", "del",
  "esta", "este", "nada", "todo", "mas", "dias", "semana", "nunca", "ni", "aunque", "pedido", "envio",
]);
