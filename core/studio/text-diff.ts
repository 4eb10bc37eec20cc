/** One run of a diff: text kept, added or removed. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** The largest table the exact diff fills (cells); bigger middles fall back to lines, then to a replace. */
const MAX_CELLS = 2_000_000;

const words = (text: string): string[] => text.split(/(\s+)/).filter((t) => t !== '');
const lines = (text: string): string[] => text.split(/(?<=\n)/).filter((t) => t !== '');

function push(parts: DiffPart[], op: DiffPart['op'], text: string): void {
  if (text === '') return;
  const last = parts.at(-1);
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/** Longest-common-subsequence diff of two token lists (both small enough for the table). */
function lcsDiff(a: string[], b: string[], parts: DiffPart[]): void {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j]
        ? (table[(i + 1) * width + j + 1] as number) + 1
        : Math.max(table[(i + 1) * width + j] as number, table[i * width + j + 1] as number);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(parts, 'equal', a[i++] as string);
      j++;
    } else if ((table[(i + 1) * width + j] as number) >= (table[i * width + j + 1] as number)) push(parts, 'delete', a[i++] as string);
    else push(parts, 'insert', b[j++] as string);
  }
  while (i < a.length) push(parts, 'delete', a[i++] as string);
  while (j < b.length) push(parts, 'insert', b[j++] as string);
}

/** The most edits the Myers diff looks for before giving up (its memory grows with the square of this). */
const MAX_EDITS = 1_000;

/**
 * Myers' O((n+m)·d) diff for long token lists with few edits (a long prompt with scattered changes), where the
 * full table would be too big. Returns false when there are more than MAX_EDITS edits.
 */
function myersDiff(a: string[], b: string[], parts: DiffPart[]): boolean {
  const n = a.length;
  const m = b.length;
  const offset = MAX_EDITS + 1;
  const v = new Int32Array(2 * offset + 1);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= MAX_EDITS; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number)) ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        backtrack(a, b, trace, d, parts);
        return true;
      }
    }
  }
  return false;
}

/** Walks the Myers trace back from the end, then emits the runs in order. */
function backtrack(a: string[], b: string[], trace: Int32Array[], last: number, parts: DiffPart[]): void {
  const runs: DiffPart[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = last; d > 0; d--) {
    const saved = trace[d] as Int32Array;
    const at = (k: number) => saved[k + d + 1] as number;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      runs.push({ op: 'equal', text: a[x] as string });
    }
    if (x === prevX) runs.push({ op: 'insert', text: b[--y] as string });
    else runs.push({ op: 'delete', text: a[--x] as string });
  }
  while (x > 0 && y > 0) {
    runs.push({ op: 'equal', text: a[--x] as string });
    y--;
  }
  for (const run of runs.reverse()) push(parts, run.op, run.text);
}

function diffMiddle(a: string, b: string, parts: DiffPart[]): void {
  const wa = words(a);
  const wb = words(b);
  if (wa.length * wb.length <= MAX_CELLS) return lcsDiff(wa, wb, parts);
  const attempt: DiffPart[] = [];
  if (myersDiff(wa, wb, attempt)) {
    for (const part of attempt) push(parts, part.op, part.text);
    return;
  }
  const la = lines(a);
  const lb = lines(b);
  if (la.length * lb.length <= MAX_CELLS) return lcsDiff(la, lb, parts);
  push(parts, 'delete', a);
  push(parts, 'insert', b);
}

/**
 * A word-level diff of two texts (whitespace is kept as its own token, so joining the `equal` and `delete` parts
 * gives back `before`, and the `equal` and `insert` parts give `after`). Common ends are cut first, so a small edit
 * in a long prompt costs little.
 */
export function diffText(before: string, after: string): DiffPart[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  // Cut back to a word boundary, so a changed word shows as a whole word.
  while (start > 0 && !/\s/.test(before[start - 1] as string)) start--;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  while (end > 0 && !/\s/.test(before[before.length - end] as string)) end--;
  const parts: DiffPart[] = [];
  push(parts, 'equal', before.slice(0, start));
  diffMiddle(before.slice(start, before.length - end), after.slice(start, after.length - end), parts);
  push(parts, 'equal', before.slice(before.length - end));
  return parts;
}

/** Whether a diff changes anything. */
export function hasChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((p) => p.op !== 'equal');
}
