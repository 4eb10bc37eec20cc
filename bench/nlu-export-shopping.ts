// npx tsx bench/nlu-export-shopping.ts [--out DIR]
// Writes the shopping assistant's training phrases and labelled regression set as JSONL (text + char-offset slots)
// per locale (plus the colloquial held-out set as shopping-heldout-*.jsonl), so `npm run nlu:eval` and
// `bench/nlu-vs-nlpjs.ts` can run on them like on any data set.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { utterancesFromDefinitions } from '../core/nlu/intent-definition.ts';
import type { LabelledUtterance } from '../core/nlu/labelled.ts';
import { SHOPPING_ASSISTANT_INTENTS } from '../dialogs/shopping-assistant/intents/index.ts';
import { shopperHeldOutSet, shoppingTestSet } from '../dialogs/shopping-assistant/intents/test-set.ts';
import { parseArgs } from './nlu-eval-lib.ts';

const out = parseArgs(process.argv.slice(2)).out ?? 'bench/results/nlu';
mkdirSync(out, { recursive: true });
const toJsonl = (rows: LabelledUtterance[]): string => rows.map((u) => JSON.stringify({ text: u.text, intent: u.intent,
  locale: u.locale, slots: u.slots.map((s) => ({ type: s.type, start: s.start, end: s.end })) })).join('\n') + '\n';
const written: Record<string, number> = {};
for (const locale of ['ru', 'en'] as const) {
  const train = utterancesFromDefinitions(SHOPPING_ASSISTANT_INTENTS, { locales: [locale] });
  const test = shoppingTestSet(locale);
  const heldOut = shopperHeldOutSet(locale);
  for (const [name, rows] of [[`shopping-train-${locale}.jsonl`, train], [`shopping-test-${locale}.jsonl`, test],
    [`shopping-heldout-${locale}.jsonl`, heldOut]] as const) {
    writeFileSync(path.join(out, name), toJsonl(rows));
    written[path.join(out, name)] = rows.length;
  }
}
console.log(JSON.stringify(written));
