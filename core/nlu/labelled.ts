/** A typed character span of a labelled utterance (end exclusive). */
export interface LabelledSpan {
  type: string;
  start: number;
  end: number;
  /** A normalized value, when the source gives one. */
  value?: string;
}

/** One labelled utterance: the unit of training and evaluation data. */
export interface LabelledUtterance {
  text: string;
  intent: string;
  slots: LabelledSpan[];
  locale?: string;
}

/** Converts BIO (or IOB1) tags over space-joined tokens into character spans. */
export function bioToSpans(tokens: readonly string[], tags: readonly string[]): { text: string; slots: LabelledSpan[] } {
  const slots: LabelledSpan[] = [];
  let offset = 0;
  let open: LabelledSpan | undefined;
  tokens.forEach((token, i) => {
    const start = offset;
    const end = start + token.length;
    offset = end + 1;
    const tag = tags[i] ?? 'O';
    const [prefix, type] = splitTag(tag);
    if (prefix === 'O') {
      open = undefined;
      return;
    }
    if (prefix === 'I' && open && open.type === type) {
      open.end = end;
      return;
    }
    open = { type, start, end };
    slots.push(open);
  });
  return { text: tokens.join(' '), slots };
}

function splitTag(tag: string): ['B' | 'I' | 'O', string] {
  if (tag === 'O' || tag === '' || tag === 'o') return ['O', ''];
  const m = /^([BIESLU])[-_](.+)$/.exec(tag);
  if (!m) return ['B', tag];
  const p = m[1] as string;
  return [p === 'I' || p === 'E' || p === 'L' ? 'I' : 'B', m[2] as string];
}
