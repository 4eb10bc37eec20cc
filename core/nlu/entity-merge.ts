import type { BuiltinMatch } from './builtins/builtin-entity.ts';
import type { GazetteerMatch } from './gazetteer.ts';
import type { TaggedSpan } from './nlu-model.ts';
import type { Entity } from './recognizer.ts';
import { fold } from './text.ts';
import type { Token } from './text.ts';

const SOURCE_RANK: Record<NonNullable<Entity['source']>, number> = { tagger: 3, builtin: 2, gazetteer: 1, llm: 0 };

/** Turns gazetteer hits into entities. */
export function gazetteerEntities(text: string, tokens: readonly Token[], matches: readonly GazetteerMatch[]): Entity[] {
  return matches.map((m) => {
    const start = (tokens[m.from] as Token).start;
    const end = (tokens[m.to] as Token).end;
    return { type: m.type, value: m.value, text: text.slice(start, end), start, end, source: 'gazetteer',
      confidence: Math.max(0.5, 0.95 - 0.15 * m.cost) };
  });
}

/**
 * Tagger spans become entities whose value comes from the built-in or gazetteer match they cover (so a `budget`
 * span carries `{amount, currency, bound}` and a `product` span a catalog id), else the folded text.
 */
export function taggerEntities(text: string, tokens: readonly Token[], spans: readonly TaggedSpan[],
  builtins: readonly BuiltinMatch[], gazetteer: readonly Entity[]): Entity[] {
  return spans.map((span) => {
    const start = (tokens[span.from] as Token).start;
    const end = (tokens[span.to] as Token).end;
    const covered = [...builtins, ...gazetteer].filter((e) => overlap(e, start, end) >= 0.5 * (e.end - e.start));
    const source = covered.find((e) => e.type === span.type) ?? covered.sort((a, b) => (b.end - b.start) - (a.end - a.start))[0];
    const value = source && source.type !== 'number' || (source && covered.length === 1 && source.start === start && source.end === end)
      ? source.value : fold(text.slice(start, end));
    return { type: span.type, value, text: text.slice(start, end), start, end, source: 'tagger', confidence: 0.8 };
  });
}

function overlap(e: { start: number; end: number }, start: number, end: number): number {
  return Math.max(0, Math.min(e.end, end) - Math.max(e.start, start));
}

/** Keeps non-overlapping entities: tagger spans first, then built-ins, then gazetteer hits; longer spans first. */
export function deOverlap(entities: readonly Entity[]): Entity[] {
  const ranked = [...entities].sort((a, b) => SOURCE_RANK[b.source ?? 'llm'] - SOURCE_RANK[a.source ?? 'llm']
    || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: Entity[] = [];
  for (const e of ranked) if (!kept.some((k) => k.start < e.end && e.start < k.end)) kept.push(e);
  return kept.sort((a, b) => a.start - b.start);
}
