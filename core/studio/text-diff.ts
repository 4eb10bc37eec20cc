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

function diffMiddle(a: string, b: string, parts: DiffPart[]): void {
  const wa = words(a);
  const wb = words(b);
  if (wa.length * wb.length <= MAX_CELLS) return lcsDiff(wa, wb, parts);
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
