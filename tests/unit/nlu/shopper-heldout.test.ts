import { describe, expect, it } from 'vitest';
import { shopperHeldOutSet } from '../../../dialogs/shopping-assistant/intents/test-set.ts';
import { shoppingRecognizer } from './shopping-recognizer.ts';

// The second guard: colloquial, misspelled shopper messages written independently of the training phrases and of
// the first regression set (dialogs/shopping-assistant/intents/shopper-set-*.ts). Measured with seed 7 when written
// (2026-12): ru 0.840, en 0.858 (194 ru / 190 en); with show_more/compare/forget_preference items (207 / 203) ru 0.831,
// en 0.857; then ru 0.908, en 0.931 with the message reader (chat spellings, keyboard layout, spelling correction) and
// chat-style phrases (seeds 7-10: ru 0.908-0.923, en 0.931); ru 0.918, en 0.931 with English chat words typed in Cyrillic
// read as Russian ("хелп" -> помощь; seeds 7-10: ru 0.913-0.928, en 0.931). Raise these when the engine improves, never lower them.
const RECORDED = { ru: 0.905, en: 0.915 };

describe('shopper held-out guard (colloquial and misspelled messages)', () => {
  const recognizer = shoppingRecognizer();

  it.each(['ru', 'en'] as const)('%s intent accuracy stays at or above the recorded figure', (locale) => {
    const test = shopperHeldOutSet(locale);
    expect(test.length).toBeGreaterThanOrEqual(150);
    const wrong = test.map((u) => ({ u, got: recognizer.recognizeSync(u.text).intent.name })).filter((r) => r.got !== r.u.intent);
    const accuracy = 1 - wrong.length / test.length;
    expect(accuracy, wrong.map((r) => `${r.u.intent} -> ${r.got}: ${r.u.text}`).join('\n')).toBeGreaterThanOrEqual(RECORDED[locale]);
  });

  it('is held out: no message is also a training phrase', async () => {
    const { utterancesFromDefinitions } = await import('../../../core/nlu/intent-definition.ts');
    const { SHOPPING_ASSISTANT_INTENTS } = await import('../../../dialogs/shopping-assistant/intents/index.ts');
    const training = new Set(utterancesFromDefinitions(SHOPPING_ASSISTANT_INTENTS).map((u) => u.text.toLowerCase()));
    expect(shopperHeldOutSet().filter((u) => training.has(u.text.toLowerCase())).map((u) => u.text)).toEqual([]);
  });
});
