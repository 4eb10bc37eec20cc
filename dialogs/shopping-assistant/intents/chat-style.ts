import type { Locale } from '../../../core/activity.ts';

/**
 * How shoppers write in a messenger, on top of each intent's tidy phrases: slang greetings and thanks, chat
 * abbreviations, no apostrophes, lower case, "го"/"чё"-style Russian. Typos need no phrases here: the recognizer
 * corrects spelling and the keyboard layout itself.
 */
export const CHAT_STYLE_PHRASES: Record<string, Partial<Record<Locale, string[]>>> = {
  greet: {
    ru: ['здорова', 'хеллоу, бот', 'приветос', 'салам', 'доброй ночи', 'утречка', 'здрасти, бот', 'хаюшки', 'ку-ку'],
    en: ['hey bot', 'hiii there', 'yo whats up', 'good mornin', 'hey hey hey', 'wassup', 'hallo', 'hey yall'],
  },
  goodbye: {
    ru: ['бай', 'покеда', 'до завтра, бот', 'ладно, погнал', 'всё, бывай', 'чао', 'на связи', 'пока, спс'],
    en: ['bye now', 'ttyl', 'laters', 'gtg', 'ok im off', 'peace out', 'bye thx', 'night night'],
  },
  help: {
    ru: ['как с тобой работать', 'ты что умеешь делать', 'а ты кто вообще', 'не врубаюсь, что делать', 'как тут всё устроено',
      'инструкцию дай', 'а как заказать через чат'],
    en: ['how does this thing work', 'what do you even do', 'im confused', 'how to use u', 'what r your features', 'need some guidance',
      'how to order here'],
  },
  cancel: {
    ru: ['отменяем', 'стоп-стоп', 'не-не, отмена', 'ну его', 'забудь об этом', 'отбой, не надо', 'проехали'],
    en: ['cancel that pls', 'nevermind that', 'scratch it', 'forget about that', 'stop that', 'no wait cancel', 'leave it'],
  },
  confirm_yes: {
    ru: ['ага, давай', 'да, конечно', 'угу, давай', 'да, го', 'го', 'давай-давай', 'ну да, верно', 'ес'],
    en: ['yes yes', 'yea sure', 'ok sure', 'yeah go ahead', 'yup yup', 'ok do it', 'sure why not', 'yass'],
  },
  confirm_no: {
    ru: ['не-а', 'нет, не надо', 'не, не хочу', 'неее', 'не, спасибо, не надо', 'нет уж, спасибо', 'ни за что'],
    en: ['no no no', 'nope nope', 'nah thanks', 'nah not really', 'no way jose', 'no i dont', 'nah i dont want that'],
  },
  switch_language: {
    ru: ['го на [английском](language:en)', 'можно по-[английски](language:en)?', 'переведи общение на [английский](language:en)',
      'давай на [инглише](language:en)', 'хочу по-[русски](language:ru)', 'верни [русский](language:ru) язык'],
    en: ['pls speak [russian](language:ru)', '[russian](language:ru) pls', 'switch lang to [english](language:en)',
      'can u talk in [russian](language:ru)', 'answer me in [english](language:en)', '[english](language:en) only pls'],
  },
  none: {
    ru: ['кто такой пушкин', 'как тебя зовут', 'расскажи сказку', 'какие новости', 'сколько градусов на улице', 'включи радио',
      'какой сегодня день недели'],
    en: ['whats your name', 'tell me a story', 'whats the news', 'how hot is it outside', 'who wrote hamlet', 'turn on the radio',
      'what day is it'],
  },
  recommend: {
    ru: ['чего бы поесть', 'что взять вечером [к фильму](occasion)', 'накидай идей [на ужин](occasion)', 'подскажи чё купить [к чаю](occasion)',
      'что вкусного посоветуешь', 'есть чё вкусненькое', 'хочу перекусить, что взять', 'подбери закуски [к пиву](occasion)',
      'чем порадовать [ребенка](occasion)', 'посоветуй чего-нибудь [на праздник](occasion) [до 2к](budget)', 'что заказать [на обед](occasion)?'],
    en: ['what should i eat tonight', 'smth tasty pls', 'whats good for snacks', 'got any ideas [for dinner](occasion)',
      'need ideas [for a party](occasion)', 'what would go well [with wine](occasion)', 'suggest smth [for the kids](occasion)',
      'whats nice [for breakfast](occasion) [under 500](budget)', 'hungry, what should i order', 'what do u recommend [for lunch](occasion)'],
  },
  search_product: {
    ru: ['нужна [зубная щетка](product)', 'мне бы [кефир](product)', 'найди [сосиски](product) плз', 'есть [огурцы](product)?', 'нужен [айфон](product)',
      'ищу [шампунь](product) [dove](brand)', 'хочу [колу](product)', 'есть [кофе](product) [lavazza](brand)?', 'надо [бумажные полотенца](product)',
      'купить [яйца](product)'],
    en: ['need [paper towels](product)', 'gimme [coke](product)', 'got [eggs](product)?', 'want a [samsung](brand) [phone](product)',
      'need a [toothbrush](product)', 'looking for [kefir](product)', 'any [sausages](product)', 'i need [shampoo](product) [dove](brand)',
      'searching for [coffee](product) [lavazza](brand)', 'do u sell [airpods](product)'],
  },
  cheaper: {
    ru: ['чет дорого', 'дороговато как-то', 'а есть по скидке', 'скидки какие есть', 'акции есть?', 'дешевле есть чё?',
      'не, дорого, давай подешевле', 'можно подешевле плиз', 'слишком дорогой'],
    en: ['too pricey for me', 'any sales?', 'got deals?', 'smth less expensive', 'pricey', 'any promo?', 'cheaper pls', 'whats on discount',
      'less money pls'],
  },
  other_service: {
    ru: ['а [в самокате](service) почем', 'чекни [в купере](service)', 'а [с самоката](service) можно', 'глянь [в купере](service)',
      'другой магазин глянь', 'а [в мегамаркете](service) есть такое'],
    en: ['check [at megamarket](service)', 'what about [samokat](service) then', 'try [kuper](service) instead', 'got it [at samokat](service)?',
      'different shop pls', 'look in another store'],
  },
  why_recommended: {
    ru: ['почему ты это выбрал', 'с чего вдруг это', 'а чё именно это', 'почему так', 'на основе чего подборка', 'зачем ты мне это предложил'],
    en: ['why u picked this', 'why that one tho', 'reason for this?', 'how did u choose it', 'why recommend this', 'whats the logic here'],
  },
  reorder: {
    ru: ['повторим заказ', 'как в тот раз закажи', 'закажи то же самое', 'повтори всё как было', 'как обычно, плз', 'прошлый заказ ещё раз'],
    en: ['same as usual', 'usual order pls', 'repeat the previous one', 'order it again like last time', 'again the same stuff',
      'same stuff as last time'],
  },
  add_to_cart: {
    ru: ['кинь [второй](ordinal) в корзину', 'добавь его', 'в корзину [первый](ordinal)', 'закинь [пару](quantity) штук', 'беру, добавляй',
      'добавь [три](quantity) штуки [второго](ordinal)', 'и [хлеб](product) ещё добавь', 'возьму [вот этот](ordinal)'],
    en: ['add that one', 'put it in the basket', 'toss the [first](ordinal) in my cart', 'add [two](quantity) more', 'ill take [2](quantity)',
      'grab the [second](ordinal)', 'add [milk](product) too', 'throw [bananas](product) in'],
  },
  view_cart: {
    ru: ['чё у меня в корзине', 'покаж корзину', 'сколько там в корзине', 'что в заказе сейчас', 'какая сумма выходит', 'открой мою корзину'],
    en: ['show my basket', 'whats in the basket', 'cart total?', 'my basket pls', 'how much so far', 'what do i have in cart'],
  },
  remove_from_cart: {
    ru: ['убери его', 'удали [последний](ordinal)', 'выкинь [молоко](product)', 'убери из корзины [второе](ordinal)', 'не, [сыр](product) убери',
      'удаляй [первый](ordinal)'],
    en: ['remove it', 'take the [milk](product) out', 'delete [last](ordinal) one', 'drop the [bread](product)', 'remove [2nd](ordinal) item pls',
      'get rid of it'],
  },
  checkout: {
    ru: ['оформи плз', 'давай оплачу', 'го оплачивать', 'заказываем', 'всё, оплата', 'оформляем доставку [на вечер](date)', 'привези [к 7](date)'],
    en: ['lets checkout', 'pay pls', 'order now', 'im ready, place it', 'deliver [tonight](date)', 'lets wrap up and pay',
      'send it [tomorrow morning](date)'],
  },
  state_preference: {
    ru: ['я не ем [глютен](allergen)', 'мне без [орехов](allergen) плиз', 'у меня алергия на [молоко](allergen)', 'я [веган](diet) если что',
      'никакого [мяса](allergen)', 'у меня [лактоза](allergen) не усваивается'],
    en: ['im [vegetarian](diet)', 'no [nuts](allergen) pls im allergic', 'cant eat [gluten](allergen)', 'im [lactose intolerant](diet) btw',
      'no [pork](allergen) for me', 'i dont do [dairy](allergen)'],
  },
  what_do_you_know: {
    ru: ['чё ты знаешь обо мне', 'что ты про меня помнишь', 'какие данные про меня', 'покажи что знаешь про меня', 'что у тебя обо мне записано'],
    en: ['what u know about me', 'whats my profile', 'what data u got on me', 'show what u know about me', 'what do u store about me'],
  },
  withdraw_consent: {
    ru: ['не используй мою историю покупок', 'отключи персональные советы', 'запрещаю использовать мои данные', 'отзываю согласие на данные'],
    en: ['dont use my data pls', 'turn off personal recs', 'stop tracking me', 'i dont consent anymore'],
  },
  erase_data: {
    ru: ['сотри мои данные', 'удали аккаунт', 'удали всё что знаешь про меня', 'снеси мой профиль'],
    en: ['delete everything u know about me', 'wipe my profile', 'delete my acc', 'erase all my data pls'],
  },
  feedback_positive: {
    ru: ['спс, круто', 'супер, спасибо', 'огонь, спасибо', 'вообще топ', 'то что надо, спс', 'шикарно'],
    en: ['thx a lot', 'ty so much', 'great, thx', 'nice, ty', 'perfect thx', 'cool cool'],
  },
  feedback_negative: {
    ru: ['фу', 'не то вообще', 'ерунду предлагаешь', 'не, это не то', 'совсем мимо', 'плохо подобрал', 'хрень какая-то'],
    en: ['not it', 'nah thats wrong', 'bad suggestions', 'not what i meant', 'thats garbage', 'wrong stuff', 'lame'],
  },
};
