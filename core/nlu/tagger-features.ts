import { hashFinish, hashStep, hashString } from './hashing.ts';
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

const BOS: TokenHashes = { norm: hashString('⟨s⟩'), stem: hashString('⟨s⟩'), shape: hashString('^') };
const EOS: TokenHashes = { norm: hashString('⟨/s⟩'), stem: hashString('⟨/s⟩'), shape: hashString('$') };
const NUM = hashString('#');
const T = Object.fromEntries(['first', 'last', 's-1', 's+1', 'w-1', 'w+1', 's-2', 's+2', 's-1|s', 's|s+1', 's-2|s-1', 's+1|s+2',
  'sh-1', 'sh+1', 'h:B', 'h:I', 'h', 'h|s'].map((name) => [name, hashString(`tpl:${name}`)])) as Record<string, number>;

// Combines a template id with value hashes numerically: window features without building strings.
function mix(template: number, a: number, b = 0): number {
  let h = hashStep(hashStep(template, a & 0xffff), a >>> 16);
  if (b !== 0) h = hashStep(hashStep(h, b & 0xffff), b >>> 16);
  return hashFinish(h);
}

function hashesOf(token: Token): TokenHashes {
  if (token.kind === 'number') return { norm: NUM, stem: NUM, shape: hashString(shape(token.text)) };
  return { norm: hashString(token.norm), stem: hashString(token.stem), shape: hashString(shape(token.text)) };
}

/** Hashed features of every token: lexical, stem, affix, shape, position, window and hint (gazetteer) features. */
export function taggerFeatures(tokens: readonly Token[], hints: readonly SpanHint[] = []): Uint32Array[] {
  const hs = tokens.map(hashesOf);
  const at = (i: number): TokenHashes => (i < 0 ? BOS : i >= hs.length ? EOS : (hs[i] as TokenHashes));
  return tokens.map((token, i) => {
    const f: number[] = [];
    const p2 = at(i - 2);
    const p1 = at(i - 1);
    const c = at(i);
    const n1 = at(i + 1);
    const n2 = at(i + 2);
    if (i === 0) f.push(T.first as number);
    if (i === tokens.length - 1) f.push(T.last as number);
    f.push(mix(T['s-1'] as number, p1.stem), mix(T['s+1'] as number, n1.stem), mix(T['w-1'] as number, p1.norm),
      mix(T['w+1'] as number, n1.norm), mix(T['s-2'] as number, p2.stem), mix(T['s+2'] as number, n2.stem),
      mix(T['s-1|s'] as number, p1.stem, c.stem), mix(T['s|s+1'] as number, c.stem, n1.stem),
      mix(T['s-2|s-1'] as number, p2.stem, p1.stem), mix(T['s+1|s+2'] as number, n1.stem, n2.stem),
      mix(T['sh-1'] as number, p1.shape), mix(T['sh+1'] as number, n1.shape));
    for (const hint of hints) {
      if (hint.start < token.end && hint.end > token.start) {
        const type = hashString(hint.type);
        f.push(mix((hint.start >= token.start ? T['h:B'] : T['h:I']) as number, type), mix(T.h as number, type),
          mix(T['h|s'] as number, type, c.stem));
      }
    }
    const local = localFeatures(token);
    const out = new Uint32Array(local.length + f.length);
    out.set(local);
    out.set(f, local.length);
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
