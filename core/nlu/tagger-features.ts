import { hashFinish, hashStep, hashString } from './hashing.ts';
import { memo } from './memo.ts';
import type { Token } from './text.ts';

/** A typed region found before tagging (gazetteer or built-in), offered to the tagger as a feature. */
export interface SpanHint {
  type: string;
  start: number;
  end: number;
}

/** The hashed features of a message, flat: token i's feature ids are ids[starts[i]] .. ids[starts[i + 1] - 1]. */
export interface MessageFeatures {
  ids: Uint32Array;
  /** One more entry than there are tokens. */
  starts: Uint32Array;
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

interface CachedHashes extends TokenHashes {
  of: Token;
}

const hashCache = new Map<string, CachedHashes>();

// A token's hashes depend on its text only (tokenize derives the rest from it): computed once per surface form.
function hashesOf(token: Token): TokenHashes {
  const cached = hashCache.get(token.text);
  if (cached && cached.of.norm === token.norm && cached.of.stem === token.stem && cached.of.kind === token.kind) return cached;
  const hashes: CachedHashes = token.kind === 'number'
    ? { norm: NUM, stem: NUM, shape: shapeHash(token.text), of: token }
    : { norm: hashString(token.norm), stem: hashString(token.stem), shape: shapeHash(token.text), of: token };
  if (hashCache.size > 50_000) hashCache.clear();
  hashCache.set(token.text, hashes);
  return hashes;
}

/**
 * Hashed features of every token: lexical, stem, affix, shape, position, a ±2 window with bigrams, hint (gazetteer
 * and built-in) features and, when the message's intent is known, intent-conditioned features (the same words mean
 * different slots under different intents: "the wall" is an object in one and a movie in another).
 */
export function taggerFeatures(tokens: readonly Token[], hints: readonly SpanHint[] = [], intent?: string): MessageFeatures {
  const hs = tokens.map(hashesOf);
  const at = (i: number): TokenHashes => (i < 0 ? BOS : i >= hs.length ? EOS : (hs[i] as TokenHashes));
  const ih = intent === undefined ? 0 : hashString(`intent:${intent}`);
  scratch.length = 0;
  const starts = new Uint32Array(tokens.length + 1);
  tokens.forEach((token, i) => {
    starts[i] = scratch.length;
    const local = localFeatures(token);
    for (let k = 0; k < local.length; k++) put(local[k] as number);
    const p2 = at(i - 2);
    const p1 = at(i - 1);
    const c = at(i);
    const n1 = at(i + 1);
    const n2 = at(i + 2);
    if (i === 0) put(T.first);
    if (i === tokens.length - 1) put(T.last);
    put(mix(T['s-1'], p1.stem));
    put(mix(T['s+1'], n1.stem));
    put(mix(T['w-1'], p1.norm));
    put(mix(T['w+1'], n1.norm));
    put(mix(T['s-2'], p2.stem));
    put(mix(T['s+2'], n2.stem));
    put(mix(T['w-2'], p2.norm));
    put(mix(T['w+2'], n2.norm));
    put(mix(T['s-1|s'], p1.stem, c.stem));
    put(mix(T['s|s+1'], c.stem, n1.stem));
    put(mix(T['s-2|s-1'], p2.stem, p1.stem));
    put(mix(T['s+1|s+2'], n1.stem, n2.stem));
    put(mix(T['w-1|w'], p1.norm, c.norm));
    put(mix(T['w|w+1'], c.norm, n1.norm));
    put(mix(T['s-1|s+1'], p1.stem, n1.stem));
    put(mix(T['s-1|s|s+1'], p1.stem, c.stem, n1.stem));
    put(mix(T['sh-1'], p1.shape));
    put(mix(T['sh+1'], n1.shape));
    put(mix(T['sh-1|sh'], p1.shape, c.shape));
    put(mix(T['sh|sh+1'], c.shape, n1.shape));
    put(mix(T.pos, Math.min(i, 4) + 1, Math.min(tokens.length - 1 - i, 4) + 1));
    if (ih !== 0) {
      put(mix(T.i, ih));
      put(mix(T['i|s'], ih, c.stem));
      put(mix(T['i|s-1'], ih, p1.stem));
      put(mix(T['i|s+1'], ih, n1.stem));
      put(mix(T['i|sh'], ih, c.shape));
      put(mix(T['i|w-1|w'], ih, p1.norm, c.norm));
    }
    for (const hint of hints) {
      if (hint.start < token.end && hint.end > token.start) {
        const type = hashString(hint.type);
        put(mix((hint.start >= token.start ? T['h:B'] : T['h:I']), type));
        put(mix(T.h, type));
        put(mix(T['h|s'], type, c.stem));
        if (hint.end <= token.end) put(mix(T['h:E'], type));
      }
    }
  });
  starts[tokens.length] = scratch.length;
  return { ids: scratch.ids.slice(0, scratch.length), starts };
}

// The message's features are collected in one growing buffer reused across messages: no garbage while collecting.
const scratch = { ids: new Uint32Array(4096), length: 0 };
function put(id: number): void {
  if (scratch.length === scratch.ids.length) {
    const grown = new Uint32Array(scratch.ids.length * 2);
    grown.set(scratch.ids);
    scratch.ids = grown;
  }
  scratch.ids[scratch.length++] = id;
}

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
