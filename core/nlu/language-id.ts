import type { Language } from './recognizer.ts';

// Seed texts for the character trigram profiles. Latin-script text that reads less like English than like these is
// `other` (German, French, Spanish, Italian, Portuguese, Dutch, Polish, Turkish and transliterated Russian).
const EN_SEED = `the of and to in is you that it he was for on are as with his they at be this have from or one had by
word but not what all were we when your can said there use an each which she do how their if will up other about out
many then them these so some her would make like him into time has look two more write go see number no way could
people my than first water been call who oil its now find long down day did get come made may part please show me
cheap milk bread order buy recommend something cart checkout add remove thanks hello bye help want need find
tomorrow delivery price under dollars cheaper good bad why what do you know about me delete my data switch english`;
const OTHER_SEED = `der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus
le la les de des et un une du est en que qui dans pour pas sur au avec ce il elle sont par plus nous vous
el la de que y en un ser se no haber por con su para como estar tener le lo todo pero más hacer o poder decir
il di che e la per un non in una sono mi ho si ma lo ha le con ti se da ci questo bene qui io come
o de que e do da em um para com não uma os no se na por mais as dos como mas foi ao ele das
het een van en de is dat niet ik je zijn op te voor met wat er maar om hij ook als dan
nie się na jest że do to w z co jak tak ale mi po czy za dla już tylko jestem
bir ve bu da ne için ben çok ama var mi o sen değil gibi daha kadar
privet kak dela spasibo pozhaluista khochu kupit moloko zakazhi korzina dostavka segodnya zavtra davai
chto nibud mne nuzhno horosho skolko stoit deshevle posovetuy ya vegan bez orehov`;

function trigrams(text: string): string[] {
  const out: string[] = [];
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (!word) continue;
    const w = ` ${word} `;
    for (let i = 0; i + 3 <= w.length; i++) out.push(w.slice(i, i + 3));
  }
  return out;
}

interface Profile {
  counts: Map<string, number>;
  total: number;
}

function profile(text: string): Profile {
  const counts = new Map<string, number>();
  const grams = trigrams(text);
  for (const g of grams) counts.set(g, (counts.get(g) ?? 0) + 1);
  return { counts, total: grams.length };
}

const EN = profile(EN_SEED);
const OTHER = profile(OTHER_SEED);
const VOCAB = new Set([...EN.counts.keys(), ...OTHER.counts.keys()]).size;
const OTHER_CYRILLIC = /[іїєґўәғқңөұүһђјљњћџ]/iu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;
const LETTER = /\p{L}/gu;
const NON_ENGLISH_LATIN = /[àâäáãåçéèêëíìîïñóòôöõøúùûüÿßœæşğıłńśźżčřšžő]/iu;

const CYRILLIC_WORD = /\p{Script=Cyrillic}+/gu;
const LATIN_WORD = /\p{Script=Latin}+/gu;
const seedWords = (seed: string): Set<string> => new Set(seed.split(/\s+/).filter(Boolean));
const EN_WORDS = new Set([...seedWords(EN_SEED)].filter((w) => !seedWords(OTHER_SEED).has(w)));
const OTHER_WORDS = new Set([...seedWords(OTHER_SEED)].filter((w) => !seedWords(EN_SEED).has(w)));

function wordsOf(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

const logProb = (g: string, p: Profile): number => Math.log(((p.counts.get(g) ?? 0) + 0.5) / (p.total + 0.5 * VOCAB));
// log P(gram | en) - log P(gram | other), precomputed: recognition runs this on every message.
const LLR = new Map([...EN.counts.keys(), ...OTHER.counts.keys()].map((g) => [g, logProb(g, EN) - logProb(g, OTHER)]));
const UNSEEN_LLR = Math.log((OTHER.total + 0.5 * VOCAB) / (EN.total + 0.5 * VOCAB));

function logLikelihoodRatio(grams: string[]): number {
  let sum = 0;
  for (const g of grams) sum += LLR.get(g) ?? UNSEEN_LLR;
  return sum;
}

/**
 * Identifies ru, en or other: by script first (robust on short and mixed text: the majority script of the letters
 * decides), then, for Latin text, by character trigram likelihood against English and other-language profiles.
 */
export function identifyLanguage(text: string): Language {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return 'other';
  const cyr = text.match(CYRILLIC)?.length ?? 0;
  const lat = text.match(LATIN)?.length ?? 0;
  if (cyr + lat < letters / 2) return 'other';
  if (cyr > 0 && wordsOf(text, CYRILLIC_WORD) * 2 >= wordsOf(text, LATIN_WORD)) return OTHER_CYRILLIC.test(text) && !/[ыэъё]/iu.test(text) ? 'other' : 'ru';
  const latinPart = text.replace(CYRILLIC, ' ');
  if (NON_ENGLISH_LATIN.test(latinPart)) return 'other';
  const grams = trigrams(latinPart);
  // Too little text to tell (a brand, "ok"): English is the likelier Latin-script language here.
  if (grams.length < 6) return 'en';
  const words = latinPart.toLowerCase().split(/[^\p{L}']+/u).filter(Boolean);
  const votes = words.reduce((n, w) => n + (EN_WORDS.has(w) ? 1 : 0) - (OTHER_WORDS.has(w) ? 1 : 0), 0);
  return logLikelihoodRatio(grams) + 3 * votes + 2 >= 0 ? 'en' : 'other';
}
