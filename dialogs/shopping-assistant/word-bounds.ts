// `\b` knows only ASCII letters, so the shopping patterns spell out where a Russian or English word starts and ends.

/** A word starts here: no letter or digit just before. */
export const WORD_START = '(?<![\\p{L}\\p{N}])';

/** A word ends here: no letter just after (a digit may follow, as in "до 500р"). */
export const WORD_END = '(?![\\p{L}])';

/** No letter or digit just after: the end of a word in the sense of `\b`. */
const NO_WORD_AFTER = '(?![\\p{L}\\p{N}])';

/** `\b` with Unicode letters, either side: a letter or digit on exactly one side. */
const EITHER_SIDE = `(?:${WORD_START}(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])${NO_WORD_AFTER})`;

/** Where the groups, alternatives and literal characters of a pattern source are. */
interface Shape {
  /** Opening parenthesis index -> its closing one, and back. */
  close: Map<number, number>;
  open: Map<number, number>;
  /** Group opening index (-1: the whole pattern) -> indices of its own `|`. */
  bars: Map<number, number[]>;
  /** Characters that stand for themselves: not escaped, not inside a class. */
  plain: boolean[];
  /** Backslashes that start an escape outside a class (`\\b`, `\\p{L}`, `\\s`). */
  escapes: boolean[];
}

function shapeOf(source: string): Shape {
  const shape: Shape = { close: new Map(), open: new Map(), bars: new Map(), plain: [], escapes: [] };
  const stack: number[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i]!;
    if (c === '\\') {
      shape.escapes[i] = !inClass;
      // `\\p{L}`, `\\u{44F}`: the braces belong to the escape.
      i += /[pPuk]/.test(source[i + 1] ?? '') && source[i + 2] === '{' ? source.indexOf('}', i) - i : 1;
      continue;
    }
    shape.plain[i] = !inClass;
    if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') stack.push(i);
    else if (c === ')') {
      const open = stack.pop()!;
      shape.close.set(open, i);
      shape.open.set(i, open);
    } else if (c === '|') {
      const group = stack[stack.length - 1] ?? -1;
      shape.bars.set(group, [...(shape.bars.get(group) ?? []), i]);
    }
  }
  return shape;
}

/** Latin and Cyrillic letters: whatever they match, ignoring case, is a letter too. */
const LETTER = /^[a-zA-Zа-яА-ЯёЁ]$/;
const ANY_LETTER = '\\p{L}';

const isLetter = (source: string, shape: Shape, at: number) => shape.plain[at] === true && LETTER.test(source[at] ?? '');
const isAnyLetter = (source: string, shape: Shape, at: number) => shape.escapes[at] === true && source.startsWith(ANY_LETTER, at);

/** A quantifier that lets the atom before it match nothing. */
const optional = (c: string | undefined) => c === '?' || c === '*' || c === '{';

/** The alternatives of a plain or capturing group as [first, last] index pairs; undefined for lookarounds and the like. */
function alternatives(source: string, shape: Shape, open: number): Array<[number, number]> | undefined {
  const close = shape.close.get(open)!;
  let first = open + 1;
  if (source[first] === '?') {
    if (source[first + 1] !== ':') return undefined;
    first += 2;
  }
  const cuts = [first - 1, ...(shape.bars.get(open) ?? []), close];
  return cuts.slice(1).map((cut, k) => [cuts[k]! + 1, cut - 1]);
}

/** Whether the pattern from `at` on must first match a letter. */
function startsWithLetter(source: string, shape: Shape, at: number): boolean {
  if (isLetter(source, shape, at)) return !optional(source[at + 1]);
  if (isAnyLetter(source, shape, at)) return !optional(source[at + ANY_LETTER.length]);
  if (source[at] === '(' && shape.plain[at]) {
    const alts = alternatives(source, shape, at);
    return alts !== undefined && !optional(source[shape.close.get(at)! + 1])
      && alts.every(([first, last]) => first <= last && startsWithLetter(source, shape, first));
  }
  return false;
}

/** Where the atom ending at `at` starts: a letter, `\\p{L}` or a group; undefined for anything else. */
function atomStart(source: string, shape: Shape, at: number): number | undefined {
  if (isLetter(source, shape, at)) return at;
  const anyLetter = at - ANY_LETTER.length + 1;
  if (source[at] === '}' && anyLetter >= 0 && isAnyLetter(source, shape, anyLetter)) return anyLetter;
  if (source[at] === ')' && shape.plain[at]) return shape.open.get(at);
  return undefined;
}

/** Whether what the pattern matched up to `at` (inclusive) must end with a letter. */
function endsWithLetter(source: string, shape: Shape, at: number): boolean {
  const c = source[at];
  if ((c === '?' || c === '*' || c === '+') && shape.plain[at]) {
    const start = atomStart(source, shape, at - 1);
    if (start === undefined || !endsWithLetter(source, shape, at - 1)) return false;
    // "\\p{L}*", "s?": the word ends with the atom or, when it matched nothing, with what came before it.
    return c === '+' || endsWithLetter(source, shape, start - 1);
  }
  const start = atomStart(source, shape, at);
  if (start === undefined) return false;
  if (source[at] !== ')') return true;
  const alts = alternatives(source, shape, start);
  return alts !== undefined && alts.every(([first, last]) => first <= last && endsWithLetter(source, shape, last));
}

/**
 * A case-insensitive pattern whose `\b` is a Unicode word boundary ("\\bчек" never matches inside "гречка"). Each
 * `\b` becomes the cheapest exact equivalent its neighbours allow: before a letter the pattern must match, "no letter
 * or digit just before"; after one, "none just after"; the two-sided check only where the pattern leaves it open.
 * Why: the two-sided form before each alternative hides its first letter from the regex engine's quick scan, and
 * with it the shopping rules cost over 100 µs a message instead of about 10.
 */
export function unicodeWordPattern(source: string): RegExp {
  const shape = shapeOf(source);
  let out = '';
  for (let i = 0; i < source.length; i += 1) {
    if (shape.escapes[i] && source[i + 1] === 'b') {
      if (startsWithLetter(source, shape, i + 2)) out += WORD_START;
      else if (endsWithLetter(source, shape, i - 1)) out += NO_WORD_AFTER;
      else out += EITHER_SIDE;
      i += 1;
    } else out += source[i];
  }
  return new RegExp(out, 'iu');
}
