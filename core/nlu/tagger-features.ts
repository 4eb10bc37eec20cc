import { hashString } from './hashing.ts';
import type { Token } from './text.ts';

/** A typed region found before tagging (gazetteer or built-in), offered to the tagger as a feature. */
export interface SpanHint {
  type: string;
  start: number;
  end: number;
}

/** The word shape: "Xxxx" -> "Xx", "12" -> "d", "iPhone15" -> "xXd". */
export function shape(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (out.at(-1) !== c) out += c;
  }
  return out.slice(0, 6);
}

function at(tokens: readonly Token[], i: number, field: 'norm' | 'stem'): string {
  if (i < 0) return '⟨s⟩';
  if (i >= tokens.length) return '⟨/s⟩';
  const t = tokens[i] as Token;
  return t.kind === 'number' ? '#' : t[field];
}

/** Hashed features of every token: lexical, stem, affix, shape, position, window and hint (gazetteer) features. */
export function taggerFeatures(tokens: readonly Token[], hints: readonly SpanHint[] = []): Uint32Array[] {
  return tokens.map((token, i) => {
    const f: string[] = [];
    if (i === 0) f.push('first');
    if (i === tokens.length - 1) f.push('last');
    f.push(`s-1=${at(tokens, i - 1, 'stem')}`, `s+1=${at(tokens, i + 1, 'stem')}`);
    f.push(`w-1=${at(tokens, i - 1, 'norm')}`, `w+1=${at(tokens, i + 1, 'norm')}`);
    f.push(`s-2=${at(tokens, i - 2, 'stem')}`, `s+2=${at(tokens, i + 2, 'stem')}`);
    f.push(`s-1|s=${at(tokens, i - 1, 'stem')}|${token.stem}`, `s|s+1=${token.stem}|${at(tokens, i + 1, 'stem')}`);
    f.push(`s-2|s-1=${at(tokens, i - 2, 'stem')}|${at(tokens, i - 1, 'stem')}`);
    f.push(`s+1|s+2=${at(tokens, i + 1, 'stem')}|${at(tokens, i + 2, 'stem')}`);
    f.push(`sh-1=${i > 0 ? shape((tokens[i - 1] as Token).text) : '^'}`, `sh+1=${i + 1 < tokens.length ? shape((tokens[i + 1] as Token).text) : '$'}`);
    for (const hint of hints) {
      if (hint.start < token.end && hint.end > token.start) {
        const begin = hint.start >= token.start ? 'B' : 'I';
        f.push(`h=${hint.type}:${begin}`, `h=${hint.type}`, `h=${hint.type}|s=${token.stem}`);
      }
    }
    const local = localFeatures(token);
    const out = new Uint32Array(local.length + f.length);
    out.set(local);
    for (let k = 0; k < f.length; k++) out[local.length + k] = hashString(f[k] as string);
    return out;
  });
}

const localCache = new Map<string, Uint32Array>();

// Features of the token alone (word, stem, shape, affixes) repeat across messages: hash them once per surface form.
function localFeatures(token: Token): Uint32Array {
  const cached = localCache.get(token.text);
  if (cached) return cached;
  const w = token.norm;
  const f = ['bias', `w=${w}`, `s=${token.stem}`, `sh=${shape(token.text)}`, `k=${token.kind}`];
  for (let n = 1; n <= 4 && n < w.length; n++) f.push(`suf${n}=${w.slice(-n)}`);
  for (let n = 2; n <= 3 && n < w.length; n++) f.push(`pre${n}=${w.slice(0, n)}`);
  if (token.kind === 'number') f.push(`len=${Math.min(w.length, 5)}`);
  const hashed = Uint32Array.from(f, (x) => hashString(x));
  if (localCache.size > 50_000) localCache.clear();
  localCache.set(token.text, hashed);
  return hashed;
}
