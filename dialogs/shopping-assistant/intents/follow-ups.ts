import type { IntentDefinition } from '../../../core/nlu/intent-definition.ts';

/** Follow-ups to an answer: the next cards, a side-by-side comparison, and taking back a stated preference. */
export const FOLLOW_UP_INTENTS: IntentDefinition[] = [
  // Few, distinctive phrases: the rules catch these wordings precisely; the phrases teach the model the rest
  // without pulling neighbours ("cheaper", "why the first one") away from their intents.
  {
    name: 'show_more',
    phrases: {
      ru: ['покажи ещё', 'ещё варианты', 'покажи другие варианты', 'больше вариантов', 'покажи следующие', 'а ещё варианты есть?',
        'покажи остальные варианты', 'следующая страница'],
      en: ['show more', 'more options', 'show other options', 'more results'],
    },
  },
  {
    name: 'compare',
    phrases: {
      ru: ['сравни первые два', 'чем они отличаются?', 'в чём разница между ними?', 'сравни первый и третий', 'сравни эти два товара',
        'чем отличается первое от второго'],
      en: ['compare these two', 'how are they different?', "what's the difference between them?", 'compare both of them'],
    },
  },
  {
    // The rule (goes-with-words.ts) decides in context; the phrases teach the wordings it does not spell out.
    name: 'goes_with',
    phrases: {
      ru: ['что к нему подойдёт?', 'что взять к этому?', 'с чем это едят?', 'что к ней подойдёт?', 'что ещё к нему нужно?',
        'что с этим обычно берут?', 'что подобрать к этому товару?', 'что докупить к нему?'],
      en: ['what goes with it?', 'what goes well with that?', 'anything to go with it?', 'what pairs with this?'],
    },
  },
  {
    name: 'forget_preference',
    phrases: {
      ru: ['забудь, что я веган', 'я больше не вегетарианец', 'удали мои предпочтения', 'забудь мои предпочтения',
        'сбрось мои ограничения по питанию', 'забудь, что я не люблю кинзу'],
      en: ["forget that I'm vegan", "I'm not vegetarian anymore", 'remove my preferences', 'reset my dietary preferences'],
    },
  },
];
