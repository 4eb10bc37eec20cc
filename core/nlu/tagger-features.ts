import { hashFinish, hashStep, hashString } from './hashing.ts';
import { memo } from './memo.ts';
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

interface TokenHashes {
  norm: number;
  stem: number;
  shape: number;
}

// 30-bit ids stay small integers in V8, which keeps the tagger's Map lookups fast.
const SMALL = 0x3fffffff;
const BOS: TokenHashes = { norm: hashString('⟨s⟩'), stem: hashString('⟨s⟩'), shape: hashString('^') };
const EOS: TokenHashes = { norm: hashString('⟨/s⟩'), stem: hashString('⟨/s⟩'), shape: hashString('$') };
const NUM = hashString('#');
const TEMPLATES = ['first', 'last', 's-1', 's+1', 'w-1', 'w+1', 's-2', 's+2', 'w-2', 'w+2', 's-1|s', 's|s+1', 's-2|s-1',
  's+1|s+2', 'w-1|w', 'w|w+1', 's-1|s+1', 's-1|s|s+1', 'sh-1', 'sh+1', 'sh-1|sh', 'sh|sh+1', 'h:B', 'h:I', 'h', 'h|s',
  'h:E', 'i', 'i|s', 'i|s-1', 'i|s+1', 'i|sh', 'i|w-1|w', 'pos'] as const;
const T = Object.fromEntries(TEMPLATES.map((name) => [name, hashString(`tpl:${name}`)])) as Record<(typeof TEMPLATES)[number], number>;

// Combines a template id with value hashes numerically: window features without building strings.
function mix(template: number, a: number, b = 0, c = 0): number {
  let h = hashStep(hashStep(template, a & 0xffff), a >>> 16);
  if (b !== 0) h = hashStep(hashStep(h, b & 0xffff), b >>> 16);
  if (c !== 0) h = hashStep(hashStep(h, c & 0xffff), c >>> 16);
  return hashFinish(h) & SMALL;
}

const shapeHash = memo((text: string) => hashString(shape(text)));

function hashesOf(token: Token): TokenHashes {
  if (token.kind === 'number') return { norm: NUM, stem: NUM, shape: shapeHash(token.text) };
  return { norm: hashString(token.norm), stem: hashString(token.stem), shape: shapeHash(token.text) };
}

/**
 * Hashed features of every token: lexical, stem, affix, shape, position, a ±2 window with bigrams, hint (gazetteer
 * and built-in) features and, when the message's intent is known, intent-conditioned features (the same words mean
 * different slots under different intents: "the wall" is an object in one and a movie in another).
 */
export function taggerFeatures(tokens: readonly Token[], hints: readonly SpanHint[] = [], intent?: string): Uint32Array[] {
  const hs = tokens.map(hashesOf);
  const at = (i: number): TokenHashes => (i < 0 ? BOS : i >= hs.length ? EOS : (hs[i] as TokenHashes));
  const ih = intent === undefined ? 0 : hashString(`intent:${intent}`);
  return tokens.map((token, i) => {
    const f = SCRATCH;
    f.length = 0;
    const p2 = at(i - 2);
    const p1 = at(i - 1);
    const c = at(i);
    const n1 = at(i + 1);
    const n2 = at(i + 2);
    if (i === 0) f.push(T.first);
    if (i === tokens.length - 1) f.push(T.last);
    f.push(mix(T['s-1'], p1.stem), mix(T['s+1'], n1.stem), mix(T['w-1'], p1.norm), mix(T['w+1'], n1.norm),
      mix(T['s-2'], p2.stem), mix(T['s+2'], n2.stem), mix(T['w-2'], p2.norm), mix(T['w+2'], n2.norm),
      mix(T['s-1|s'], p1.stem, c.stem), mix(T['s|s+1'], c.stem, n1.stem), mix(T['s-2|s-1'], p2.stem, p1.stem),
      mix(T['s+1|s+2'], n1.stem, n2.stem), mix(T['w-1|w'], p1.norm, c.norm), mix(T['w|w+1'], c.norm, n1.norm),
      mix(T['s-1|s+1'], p1.stem, n1.stem), mix(T['s-1|s|s+1'], p1.stem, c.stem, n1.stem),
      mix(T['sh-1'], p1.shape), mix(T['sh+1'], n1.shape), mix(T['sh-1|sh'], p1.shape, c.shape),
      mix(T['sh|sh+1'], c.shape, n1.shape), mix(T.pos, Math.min(i, 4) + 1, Math.min(tokens.length - 1 - i, 4) + 1));
    if (ih !== 0) {
      f.push(mix(T.i, ih), mix(T['i|s'], ih, c.stem), mix(T['i|s-1'], ih, p1.stem), mix(T['i|s+1'], ih, n1.stem),
        mix(T['i|sh'], ih, c.shape), mix(T['i|w-1|w'], ih, p1.norm, c.norm));
    }
    for (const hint of hints) {
      if (hint.start < token.end && hint.end > token.start) {
        const type = hashString(hint.type);
        f.push(mix((hint.start >= token.start ? T['h:B'] : T['h:I']), type), mix(T.h, type), mix(T['h|s'], type, c.stem));
        if (hint.end <= token.end) f.push(mix(T['h:E'], type));
      }
    }
    const local = localFeatures(token);
    const out = new Uint32Array(local.length + f.length);
    out.set(local);
    for (let k = 0; k < f.length; k++) out[local.length + k] = f[k] as number;
    return out;
  });
}

// The per-token feature list is rebuilt for every token of every message: one reused array, no garbage.
const SCRATCH: number[] = [];

const localCache = new Map<string, Uint32Array>();

// Features of the token alone (word, stem, shape, affixes) repeat across messages: hash them once per surface form.
function localFeatures(token: Token): Uint32Array {
  const cached = localCache.get(token.text);
  if (cached) return cached;
  const w = token.norm;
  const f = ['bias', `w=${w}`, `s=${token.stem}`, `sh=${shape(token.text)}`, `k=${token.kind}`];
  for (let n = 1; n <= 4 && n < w.length; n++) f.push(`suf${n}=${w.slice(-n)}`);
  for (let n = 2; n <= 4 && n < w.length; n++) f.push(`pre${n}=${w.slice(0, n)}`);
  if (token.kind === 'number') f.push(`len=${Math.min(w.length, 5)}`);
  if (w.length <= 2) f.push('short');
  const hashed = Uint32Array.from(f, (x) => hashString(x) & SMALL);
  if (localCache.size > 50_000) localCache.clear();
  localCache.set(token.text, hashed);
  return hashed;
}
