import { createRecognizer } from '../../../core/nlu/create-recognizer.ts';
import type { CreateRecognizerOptions, NluRecognizer } from '../../../core/nlu/create-recognizer.ts';
import { NluModel } from '../../../core/nlu/nlu-model.ts';
import { utterancesFromDefinitions } from '../../../core/nlu/intent-definition.ts';
import { SHOPPING_GAZETTEER } from '../../../dialogs/shopping-assistant/intents/gazetteer.ts';
import { SHOPPING_ASSISTANT_INTENTS } from '../../../dialogs/shopping-assistant/intents/index.ts';

let model: NluModel | undefined;

/** The shopping assistant's model, trained once per test file (training takes a few seconds). */
export function shoppingModel(): NluModel {
  model ??= NluModel.train(utterancesFromDefinitions(SHOPPING_ASSISTANT_INTENTS), { gazetteer: SHOPPING_GAZETTEER, seed: 7 });
  return model;
}

/** A recognizer over the shared shopping model. */
export function shoppingRecognizer(options: Omit<CreateRecognizerOptions, 'model'> = {}): NluRecognizer {
  return createRecognizer({ ...options, model: shoppingModel() });
}
