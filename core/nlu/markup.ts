import type { LabelledSpan, LabelledUtterance } from './labelled.ts';

const SLOT = /\[([^\]]+)\]\(([^)]+)\)/g;

/**
 * Parses a training phrase with inline slot markup, "закажи [2](quantity) пачки [овсяного молока](product)",
 * into text and character spans. "(type:value)" gives a normalized value.
 */
export function parseMarkup(phrase: string): { text: string; slots: LabelledSpan[] } {
  const slots: LabelledSpan[] = [];
  let text = '';
  let last = 0;
  for (const m of phrase.matchAll(SLOT)) {
    text += phrase.slice(last, m.index);
    const [type, value] = (m[2] as string).split(':', 2) as [string, string | undefined];
    const start = text.length;
    text += m[1];
    slots.push(value === undefined ? { type: type.trim(), start, end: text.length }
      : { type: type.trim(), start, end: text.length, value: value.trim() });
    last = (m.index ?? 0) + m[0].length;
  }
  text += phrase.slice(last);
  return { text, slots };
}

const MASSIVE_SLOT = /\[([^\]:]+?)\s*:\s*([^\]]+?)\s*\]/g;

/** Parses MASSIVE's annotated utterance, "wake me up at [time : five am]". */
export function parseMassive(annotated: string): { text: string; slots: LabelledSpan[] } {
  const slots: LabelledSpan[] = [];
  let text = '';
  let last = 0;
  for (const m of annotated.matchAll(MASSIVE_SLOT)) {
    text += annotated.slice(last, m.index);
    const start = text.length;
    text += m[2];
    slots.push({ type: (m[1] as string).trim(), start, end: text.length });
    last = (m.index ?? 0) + m[0].length;
  }
  text += annotated.slice(last);
  return { text, slots };
}

const ALTERNATION = /\{([^{}]*\|[^{}]*)\}/;

/**
 * Expands "{a|b|}" alternatives into every combination (an empty branch means optional), up to `limit` phrases.
 * Lets a dialog author write a few templates instead of dozens of near-identical lines.
 */
export function expandAlternatives(phrase: string, limit = 64): string[] {
  const all = expandAll(phrase, 4096);
  if (all.length <= limit) return all;
  // Evenly spaced picks keep variety in every group rather than only the first option of the first group.
  return Array.from({ length: limit }, (_, i) => all[Math.floor((i * all.length) / limit)] as string);
}

function expandAll(phrase: string, cap: number): string[] {
  const m = ALTERNATION.exec(phrase);
  if (!m) return [phrase.replace(/\s{2,}/g, ' ').replace(/\s+([,.?!])/g, '$1').trim()];
  const out: string[] = [];
  for (const option of (m[1] as string).split('|')) {
    const next = phrase.slice(0, m.index) + option + phrase.slice(m.index + m[0].length);
    for (const expanded of expandAll(next, cap)) {
      if (out.length >= cap) return out;
      out.push(expanded);
    }
  }
  return out;
}

/** Turns a marked-up phrase into a labelled utterance. */
export function phraseToUtterance(phrase: string, intent: string, locale?: string): LabelledUtterance {
  const { text, slots } = parseMarkup(phrase);
  return locale === undefined ? { text, intent, slots } : { text, intent, slots, locale };
}
