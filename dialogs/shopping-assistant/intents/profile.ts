import type { IntentDefinition } from '../../../core/nlu/intent-definition.ts';

/** The shopper's profile and data: preferences, feedback, what the assistant knows, consent and erasure. */
export const PROFILE_INTENTS: IntentDefinition[] = [
  {
    name: 'state_preference',
    phrases: {
      ru: ['я [веган](diet)', 'я [вегетарианец](diet)', 'я [вегетарианка](diet)', 'мне [без орехов](allergen)', 'у меня аллергия на [орехи](allergen)',
        'не ем [мясо](allergen)', 'я не пью [молоко](allergen), [непереносимость лактозы](diet)', 'только [без глютена](diet)', 'у меня [целиакия](diet)',
        'я соблюдаю [пост](diet)', 'ем только [халяль](diet)', 'аллергия на [арахис](allergen)', 'мне нельзя [сахар](allergen)', 'я на [кето](diet)',
        'не предлагай [алкоголь](allergen)', 'я не ем [рыбу](allergen)', 'учти, что я [веганка](diet)', 'запомни: [без лактозы](diet)', 'у ребенка аллергия на [яйца](allergen)',
        'я [на диете](diet)', 'я за [здоровое питание](diet)', 'предпочитаю [органику](diet)', 'не люблю [острое](allergen)', 'мне только [без сахара](diet)',
        'я [сыроед](diet)', 'у меня [диабет](diet)', 'не покупай мне [свинину](allergen)', 'избегаю [глютен](allergen)'],
      en: ["I'm [vegan](diet)", "I'm a [vegetarian](diet)", "[no nuts](allergen) for me", "I'm allergic to [nuts](allergen)", "I don't eat [meat](allergen)",
        "I can't have [milk](allergen), [lactose intolerant](diet)", 'only [gluten free](diet)', 'I have [celiac disease](diet)', 'I eat only [halal](diet)',
        "I'm allergic to [peanuts](allergen)", "I can't have [sugar](allergen)", "I'm on [keto](diet)", "don't suggest [alcohol](allergen)", "I don't eat [fish](allergen)",
        "keep in mind I'm [vegan](diet)", 'remember: [lactose free](diet)', 'my kid is allergic to [eggs](allergen)', "I'm [on a diet](diet)",
        'I prefer [organic](diet)', "I don't like [spicy](allergen) food", '[sugar free](diet) only', "I'm [diabetic](diet)", "don't buy me [pork](allergen)",
        'I avoid [gluten](allergen)', 'I follow a [plant based](diet) diet', "I'm [pescatarian](diet)", "no [dairy](allergen) please"],
    },
  },
  {
    name: 'what_do_you_know',
    phrases: {
      ru: ['что ты обо мне знаешь?', 'что ты {знаешь|помнишь} про меня', 'какие данные обо мне у тебя есть', 'покажи мой профиль',
        'что ты про меня запомнил', 'какая информация обо мне хранится', 'мои данные', 'что ты собираешь обо мне', 'откуда ты знаешь, что я люблю',
        'покажи, что ты обо мне помнишь', 'какие у меня предпочтения', 'что у тебя в моем профиле', 'что ты знаешь о моих покупках', 'расскажи, что знаешь обо мне',
        'какую историю ты хранишь', 'мой профиль', 'что записано про меня', 'какие мои данные ты используешь', 'ты следишь за мной?', 'что ты помнишь о моих заказах'],
      en: ['what do you know about me?', 'what do you {know|remember} about me', 'what data do you have on me', 'show my profile',
        'what have you remembered about me', 'what information about me is stored', 'my data', 'what do you collect about me', 'how do you know what I like',
        'show what you remember about me', 'what are my preferences', "what's in my profile", 'what do you know about my purchases', 'tell me what you know about me',
        'what history do you keep', 'my profile', "what's recorded about me", 'what personal data do you use', 'are you tracking me?', 'what do you remember of my orders'],
    },
  },
  {
    name: 'withdraw_consent',
    phrases: {
      ru: ['отзываю согласие', 'я отзываю согласие на обработку данных', 'не хочу, чтобы ты использовал мои данные', 'запрещаю обрабатывать мои данные',
        'перестань использовать мою историю', 'не используй мои покупки для рекомендаций', 'отключи персонализацию', 'отозвать согласие',
        'больше не собирай данные обо мне', 'не следи за мной', 'я против обработки персональных данных', 'выключи персональные рекомендации',
        'не анализируй мои заказы', 'отказываюсь от персонализации', 'отмени мое согласие', 'не хочу персональных советов', 'запрети сбор данных',
        'прекрати собирать мою историю'],
      en: ['I withdraw my consent', 'I withdraw consent to data processing', "I don't want you to use my data", 'I forbid processing my data',
        'stop using my history', "don't use my purchases for recommendations", 'turn off personalization', 'withdraw consent',
        'stop collecting data about me', "don't track me", 'I object to processing of personal data', 'disable personal recommendations',
        "don't analyze my orders", 'I opt out of personalization', 'revoke my consent', "I don't want personalized advice", 'opt out of data collection',
        'stop collecting my history'],
    },
  },
  {
    name: 'erase_data',
    phrases: {
      ru: ['удали мои данные', 'удали всё обо мне', 'сотри мою историю', 'забудь меня', 'удали мой профиль', 'хочу удалить аккаунт',
        'удалите все мои персональные данные', 'очисти историю покупок', 'сотри всё, что знаешь обо мне', 'удали мою информацию отовсюду',
        'забудь всё про меня', 'право на забвение', 'уничтожь мои данные', 'удали переписку и профиль', 'почисти мои данные', 'хочу, чтобы вы удалили мои данные',
        'сотри профиль', 'удалить данные'],
      en: ['delete my data', 'delete everything about me', 'erase my history', 'forget me', 'delete my profile', 'I want to delete my account',
        'remove all my personal data', 'clear my purchase history', 'erase everything you know about me', 'remove my information everywhere',
        'forget everything about me', 'right to be forgotten', 'wipe my data', 'delete my chats and profile', 'purge my data', 'I want you to delete my data',
        'erase my profile', 'delete data'],
    },
  },
  {
    name: 'feedback_positive',
    phrases: {
      ru: ['спасибо', 'спасибо, отлично', 'круто', 'супер', 'класс', 'то, что нужно', 'отличная рекомендация', 'мне нравится', 'здорово, спасибо',
        'ты молодец', 'хороший совет', 'полезно', 'идеально', 'вот это я понимаю', 'огонь', 'благодарю', 'прекрасно', 'отлично подобрал',
        'очень помог{|ло}', 'спасибо большое', 'понравилось', 'лайк', 'вау', 'в точку'],
      en: ['thanks', 'thank you, great', 'cool', 'awesome', 'great', 'exactly what I needed', 'great recommendation', 'I like it', 'nice, thanks',
        'good job', 'good advice', 'helpful', 'perfect', "now that's what I'm talking about", 'love it', 'much appreciated', 'wonderful', 'great pick',
        'that helped a lot', 'thank you so much', 'liked it', 'thumbs up', 'wow', 'spot on'],
    },
  },
  {
    name: 'feedback_negative',
    phrases: {
      ru: ['не то', 'это не то, что я просил', 'плохая рекомендация', 'мне не нравится', 'ерунда', 'ты не понял', 'мимо', 'совсем не то',
        'не подходит мне', 'ужасно', 'бесполезно', 'что за бред', 'не помог', 'плохой совет', 'отстой', 'не угадал', 'ты меня не понимаешь',
        'это мне не интересно', 'опять не то', 'рекомендации так себе', 'не нравятся твои советы', 'дизлайк'],
      en: ['not that', "that's not what I asked for", 'bad recommendation', "I don't like it", 'nonsense', "you didn't understand", 'missed',
        'completely wrong', "it doesn't suit me", 'terrible', 'useless', 'what is this garbage', "didn't help", 'bad advice', 'sucks', 'wrong guess',
        "you don't get me", "I'm not interested in this", 'wrong again', 'meh recommendations', "I don't like your suggestions", 'thumbs down'],
    },
  },
];
