import type { IntentDefinition } from '../../../core/nlu/intent-definition.ts';

/** Follow-ups to an answer: the next cards, a side-by-side comparison, and taking back a stated preference. */
export const FOLLOW_UP_INTENTS: IntentDefinition[] = [
  {
    name: 'show_more',
    phrases: {
      ru: ['покажи ещё', 'ещё варианты', 'а ещё что есть?', 'дальше', 'следующие', 'покажи другие варианты', 'есть ещё что-нибудь?',
        'давай ещё', 'ещё', 'больше вариантов', 'а другие есть?', 'что ещё можешь предложить', 'листай дальше', 'покажи следующую страницу',
        'мало, покажи больше', 'ещё пару вариантов', 'что-нибудь другое из этого же', 'а кроме этих?', 'покажи остальные', 'других нет?'],
      en: ['show more', 'more options', 'what else do you have?', 'next', 'next ones', 'show other options', 'anything else like that?',
        'more please', 'more', 'give me more choices', 'are there others?', 'what else can you suggest', 'next page', 'show me the rest',
        'not enough, show more', 'a couple more options', 'something else of the same kind', 'besides these?', 'show the remaining ones', 'any others?'],
    },
  },
  {
    name: 'compare',
    phrases: {
      ru: ['сравни [первые два](ordinal)', 'чем они отличаются?', 'в чём разница?', 'сравни [первый](ordinal) и [третий](ordinal)',
        'чем [второй](ordinal) лучше [первого](ordinal)?', 'какая между ними разница', 'сравни эти два', 'чем отличается [первое](ordinal) от [второго](ordinal)',
        'а в чём отличие?', 'сравнить [два первых](ordinal) варианта', 'что лучше: [первый](ordinal) или [второй](ordinal)?', 'сопоставь их',
        'разница между [первым](ordinal) и [вторым](ordinal)', 'сравни цены', 'какой из них выгоднее'],
      en: ['compare the [first two](ordinal)', 'how are they different?', "what's the difference?", 'compare the [first](ordinal) and the [third](ordinal)',
        'is the [second](ordinal) better than the [first](ordinal)?', 'what is the difference between them', 'compare these two',
        'how does the [first](ordinal) differ from the [second](ordinal)', 'which is better, the [first](ordinal) or the [second](ordinal)?',
        'side by side please', 'difference between the [first](ordinal) and [second](ordinal)', 'compare prices', 'which one is the better deal', 'first vs second'],
    },
  },
  {
    name: 'forget_preference',
    phrases: {
      ru: ['забудь, что я [веган](diet)', 'я больше не [веган](diet)', 'я больше не [вегетарианец](diet)', 'удали мои предпочтения',
        'забудь про [орехи](diet)', 'сбрось мои ограничения', 'я снова ем мясо', 'убери ограничение [без лактозы](diet)', 'забудь мои предпочтения',
        'мне снова можно [глютен](diet)', 'не учитывай, что я [вегетарианка](diet)', 'отмени [веганское](diet)', 'можно опять с мясом',
        'забудь, что я не люблю [кинзу](product)', 'очисти мои предпочтения'],
      en: ["forget that I'm [vegan](diet)", "I'm not [vegan](diet) anymore", 'remove my preferences', 'clear my diet settings',
        "I'm no longer [vegetarian](diet)", 'forget about the [nuts](diet)', 'I eat meat again', 'drop the [lactose free](diet) rule',
        'reset my preferences', "forget that I don't like [cilantro](product)", "stop treating me as [vegan](diet)", 'delete my dietary restrictions',
        'I can have [gluten](diet) now', 'undo my [vegan](diet) preference'],
    },
  },
];
