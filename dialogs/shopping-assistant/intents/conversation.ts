import type { IntentDefinition } from '../../../core/nlu/intent-definition.ts';

/** Small talk and dialog control: greetings, help, cancel, yes/no, language, and out-of-scope examples. */
export const CONVERSATION_INTENTS: IntentDefinition[] = [
  {
    name: 'greet',
    phrases: {
      ru: ['привет', 'приветик', 'здравствуй{|те}', 'добрый {день|вечер|утро}', 'доброе утро', 'хай', 'салют', 'ку',
        'привет{|,} {бот|помощник|советник}', 'здорово', 'hello', 'прив', 'приветствую', 'здрасте', 'йо', 'хеллоу',
        'привет, как дела?', 'доброго времени суток', 'привет, ты тут?', 'алло', 'эй, привет', 'здравствуйте, мне нужна помощь с покупками'],
      en: ['hi', 'hello', 'hey', 'hey there', 'hi there', 'good {morning|afternoon|evening}', 'hello {bot|assistant}', 'yo',
        'howdy', 'greetings', 'hiya', 'sup', "what's up", 'hello, anyone there?', 'hey, how are you?', 'hi, I need some help shopping',
        'good day', 'heya', 'hello hello', 'morning!', 'evening', 'hi again'],
    },
  },
  {
    name: 'goodbye',
    phrases: {
      ru: ['пока', 'до свидания', 'до встречи', 'всего доброго', 'всего хорошего', 'увидимся', 'бывай', 'пока-пока', 'до связи',
        'на этом всё, пока', 'всё, спасибо, пока', 'ладно, я пошел', 'хорошего дня', 'спокойной ночи', 'до завтра', 'счастливо',
        'прощай', 'давай, пока', 'больше ничего не нужно, до свидания', 'я всё, до связи'],
      en: ['bye', 'goodbye', 'bye bye', 'see you', 'see you later', 'see ya', 'take care', 'have a nice day', 'good night',
        "that's all, bye", "I'm done, thanks, bye", 'talk to you later', 'catch you later', 'farewell', 'later!', 'cya',
        'ok bye', "nothing else, goodbye", 'see you tomorrow', 'gotta go, bye'],
    },
  },
  {
    // "сорри", "извини, я ошибся": a friendly acknowledgement, never the "I did not understand" reply or a product search.
    name: 'apology',
    phrases: {
      ru: ['извини', 'извините', 'прости', 'простите', 'сорри', 'пардон', 'извини, я ошибся', 'прости, не то написал{|а}', 'ой, извините',
        'извиняюсь', 'прошу прощения', 'виноват{|а}', 'извини, опечатка', 'сорян', 'прости, пожалуйста', 'извините за беспокойство',
        'ой, не туда нажал{|а}', 'звиняй', 'пардон, ошибочка вышла', 'извини, это я случайно'],
      en: ['sorry', 'sorry about that', 'my bad', 'oops', 'oops, wrong button', 'I apologize', 'apologies', 'pardon me',
        'excuse me, my mistake', 'sorry, typo', 'sorry, I made a mistake', 'oh sorry', 'so sorry', 'my mistake', 'whoops',
        'sorry, ignore that', 'sorry for the confusion', 'forgive me', 'sorry, wrong chat', 'sorry, that was an accident'],
    },
  },
  {
    name: 'help',
    phrases: {
      ru: ['помощь', 'помоги', 'что ты умеешь?', 'что ты можешь', 'как тобой пользоваться', 'как это работает', 'что ты такое',
        'какие у тебя команды', 'справка', 'инструкция', 'я не понимаю, что делать', 'расскажи, что умеешь', 'что можно у тебя спросить',
        'чем ты можешь помочь?', 'как {заказать|сделать заказ} через тебя', 'help', 'команды', 'а ты что вообще умеешь',
        'подскажи, как пользоваться ботом', 'зачем ты нужен'],
      en: ['help', 'help me', 'what can you do?', 'what are you able to do', 'how does this work', 'how do I use you', 'what are you',
        'list of commands', 'commands', 'instructions', "I don't know what to do", 'tell me what you can do', 'what can I ask you',
        'how can you help me?', 'how do I {order|place an order} with you', 'what is this bot for', 'show me the help', 'i need help',
        'what features do you have', 'explain how you work'],
    },
  },
  {
    name: 'cancel',
    phrases: {
      ru: ['отмена', 'отмени', 'отменить', 'стоп', 'хватит', 'не надо', 'забудь', 'забей', 'передумал{|а}', 'оставь это',
        'не хочу больше', 'прекрати', 'отбой', 'всё, отмена', 'давай не будем', 'назад', 'выйти', 'закончим с этим',
        'стоп, не то', 'отмени это'],
      en: ['cancel', 'cancel that', 'stop', 'never mind', 'nevermind', 'forget it', 'forget about it', 'abort', 'quit',
        "I changed my mind", "don't bother", 'stop it', 'exit', 'go back', 'drop it', "let's not", 'no, cancel', 'scratch that',
        'cancel this', 'enough'],
    },
  },
  {
    name: 'confirm_yes',
    phrases: {
      ru: ['да', 'ага', 'угу', 'конечно', 'давай', 'ок', 'окей', 'хорошо', 'да, верно', 'подтверждаю', 'именно', 'точно',
        'да, всё правильно', 'согласен', 'согласна', 'можно', 'давай так', 'ладно', 'пойдёт', 'да, давай', 'верно', 'естественно', 'yes',
        'ну да', 'добавляй'],
      en: ['yes', 'yeah', 'yep', 'yup', 'sure', 'of course', 'ok', 'okay', "that's right", 'correct', 'confirm', 'exactly',
        'sounds good', 'go ahead', 'do it', 'absolutely', 'definitely', 'alright', 'yes please', 'right', 'fine', 'agreed', 'why not',
        'sure thing', 'yes, correct'],
    },
  },
  {
    name: 'confirm_no',
    phrases: {
      ru: ['нет', 'не', 'неа', 'нет, спасибо', 'не нужно', 'ни в коем случае', 'нет, не то', 'не хочу', 'не согласен', 'нет, неверно',
        'не так', 'нет уж', 'ну нет', 'не, не надо', 'не подходит', 'вовсе нет', 'нет, это не то', 'отказываюсь', 'не сейчас', 'no'],
      en: ['no', 'nope', 'nah', 'no thanks', 'no thank you', 'not really', "I don't want it", "that's wrong", 'incorrect', 'not that',
        "no, that's not it", 'definitely not', 'no way', 'not now', "I don't think so", 'negative', "don't", 'no, wrong', 'not at all',
        'decline'],
    },
  },
  {
    name: 'switch_language',
    phrases: {
      ru: ['{давай|говори|пиши|отвечай} по-{английски|русски}', 'переключи{|сь} на [английский](language:en)',
        'смени язык на [английский](language:en)', 'можно на [английском](language:en)?', 'хочу общаться на [английском](language:en)',
        'switch to [english](language:en)', 'язык [английский](language:en)', 'поменяй язык', 'давай на [русском](language:ru)',
        'перейди на [русский](language:ru) язык', 'говори со мной по-[русски](language:ru)', 'смени язык интерфейса',
        'пиши мне на [английском](language:en)', 'другой язык', 'english please'],
      en: ['{speak|talk|answer|reply} in [russian](language:ru)', 'switch to [russian](language:ru)', 'change language to [english](language:en)',
        'can you speak [russian](language:ru)?', 'change the language', '[english](language:en) please', 'switch to [english](language:en)',
        'i want to talk in [english](language:en)', 'language [russian](language:ru)', 'use [english](language:en)', 'another language',
        'по-русски please', 'do you speak [english](language:en)', "let's continue in [russian](language:ru)", 'switch the language'],
    },
  },
  {
    name: 'none',
    description: 'Out of scope: teaches the classifier what the assistant does not handle.',
    phrases: {
      ru: ['какая сегодня погода', 'расскажи анекдот', 'кто президент франции', 'сколько будет два плюс два', 'спой песню',
        'как дела у тебя в жизни', 'какой курс доллара', 'во сколько закат', 'почему небо голубое', 'посоветуй фильм на вечер',
        'напиши стихотворение', 'кто выиграл матч вчера', 'как доехать до вокзала', 'переведи слово кошка', 'где ближайшая аптека на карте',
        'поставь будильник', 'включи музыку', 'ты человек?', 'сколько тебе лет', 'какая столица австралии', 'расскажи про космос',
        'мне скучно', 'что такое любовь', 'забронируй столик в ресторане', 'вызови такси'],
      en: ["what's the weather today", 'tell me a joke', 'who is the president of france', 'what is two plus two', 'sing a song',
        'how is your life', 'what is the dollar exchange rate', 'when is sunset', 'why is the sky blue', 'recommend a movie for tonight',
        'write a poem', 'who won the game yesterday', 'how do I get to the station', 'translate the word cat', 'set an alarm',
        'play some music', 'are you human?', 'how old are you', 'what is the capital of australia', 'tell me about space',
        "i'm bored", 'what is love', 'book a table at a restaurant', 'call a taxi', 'what time is it in tokyo'],
    },
  },
];
