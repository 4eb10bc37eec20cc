import { ValidationError } from '../errors.ts';
import { bioToSpans } from './labelled.ts';
import type { LabelledSpan, LabelledUtterance } from './labelled.ts';
import { parseMassive } from './markup.ts';

type Json = Record<string, unknown>;

const INTENT_KEYS = ['intent', 'intent_name', 'label', 'intentName', 'category'];
const SPAN_KEYS = ['slots', 'entities', 'spans'];
const TYPE_KEYS = ['type', 'slot', 'entity', 'label', 'name', 'slot_name', 'entity_type'];
const TEXT_KEYS = ['text', 'utt', 'utterance', 'sentence', 'query'];

/**
 * Reads one JSONL line of an NLU data set, detecting its shape: text + span list (offsets or values), tokens + BIO
 * tags, MASSIVE `annot_utt`, or Rasa-like `{text, label}`. Throws a ValidationError naming the line otherwise.
 */
export function parseDatasetLine(line: string, lineNumber = 1): LabelledUtterance {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (error) {
    throw new ValidationError(`line ${lineNumber}: not valid JSON`, { cause: error });
  }
  if (!row || typeof row !== 'object' || Array.isArray(row)) {
    throw new ValidationError(`line ${lineNumber}: expected a JSON object`);
  }
  const obj = row as Json;
  const intent = pickString(obj, INTENT_KEYS);
  const locale = pickString(obj, ['locale', 'lang', 'language']);
  const parsed = parseBody(obj, lineNumber);
  if (intent === undefined) {
    throw new ValidationError(`line ${lineNumber}: no intent (expected one of ${INTENT_KEYS.join(', ')})`);
  }
  return locale === undefined ? { ...parsed, intent } : { ...parsed, intent, locale };
}

/** Reads a whole JSONL file (blank lines skipped). */
export function parseDataset(content: string): LabelledUtterance[] {
  const out: LabelledUtterance[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (line.trim()) out.push(parseDatasetLine(line, i + 1));
  });
  return out;
}

function parseBody(obj: Json, lineNumber: number): { text: string; slots: LabelledSpan[] } {
  if (typeof obj.annot_utt === 'string') return parseMassive(obj.annot_utt);
  const tokens = pickStringArray(obj, ['tokens', 'words']);
  if (tokens) {
    const tags = pickStringArray(obj, ['tags', 'labels', 'slots', 'bio']) ?? tokens.map(() => 'O');
    if (tags.length !== tokens.length) {
      throw new ValidationError(`line ${lineNumber}: ${tokens.length} tokens but ${tags.length} tags`);
    }
    return bioToSpans(tokens, tags);
  }
  const text = pickString(obj, TEXT_KEYS);
  if (text === undefined) {
    throw new ValidationError(`line ${lineNumber}: no text (expected one of ${TEXT_KEYS.join(', ')}, tokens, annot_utt)`);
  }
  const list = SPAN_KEYS.map((k) => obj[k]).find((v) => Array.isArray(v)) as unknown[] | undefined;
  return { text, slots: list ? parseSpans(text, list, lineNumber) : [] };
}

function parseSpans(text: string, list: unknown[], lineNumber: number): LabelledSpan[] {
  const used: [number, number][] = [];
  const spans: LabelledSpan[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') throw new ValidationError(`line ${lineNumber}: a slot is not an object`);
    const s = item as Json;
    const type = pickString(s, TYPE_KEYS);
    if (type === undefined) throw new ValidationError(`line ${lineNumber}: a slot has no type (${TYPE_KEYS.join(', ')})`);
    const value = typeof s.value === 'string' ? s.value : typeof s.text === 'string' ? s.text : undefined;
    const start = typeof s.start === 'number' ? s.start : undefined;
    const end = typeof s.end === 'number' ? s.end : undefined;
    if (start !== undefined && end !== undefined) {
      if (start < 0 || end > text.length || start >= end) {
        throw new ValidationError(`line ${lineNumber}: slot ${type} offsets ${start}-${end} outside the text`);
      }
      spans.push(value === undefined ? { type, start, end } : { type, start, end, value });
    } else if (value !== undefined) {
      const found = locate(text, value, used);
      if (!found) throw new ValidationError(`line ${lineNumber}: slot ${type} value "${value}" not found in the text`);
      spans.push({ type, start: found[0], end: found[1], value });
    } else {
      throw new ValidationError(`line ${lineNumber}: slot ${type} has neither offsets nor a value`);
    }
    used.push([spans.at(-1)!.start, spans.at(-1)!.end]);
  }
  return spans.sort((a, b) => a.start - b.start);
}

function locate(text: string, value: string, used: [number, number][]): [number, number] | undefined {
  const hay = text.toLowerCase();
  const needle = value.toLowerCase();
  let from = 0;
  for (;;) {
    const at = hay.indexOf(needle, from);
    if (at < 0 || needle.length === 0) return undefined;
    const end = at + needle.length;
    if (!used.some(([s, e]) => at < e && end > s)) return [at, end];
    from = at + 1;
  }
}

function pickString(obj: Json, keys: string[]): string | undefined {
  for (const key of keys) {
    const v = obj[key];
    if (typeof v === 'string') return v;
    if (typeof v === 'object' && v && typeof (v as Json).name === 'string') return (v as Json).name as string;
  }
  return undefined;
}

function pickStringArray(obj: Json, keys: string[]): string[] | undefined {
  for (const key of keys) {
    const v = obj[key];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  }
  return undefined;
}
