import { WORD_END as E, WORD_START as B } from './word-bounds.ts';

/** A count, in digits or words ("3", "три", "одну", "пару", "two"). */
const N = '(?:\\d{1,2}|одн[ауо]|один|дв[ае]|три|четыре|пять|шесть|семь|восемь|девять|десять|пар[ау]|one|two|three|four|five|six|seven|eight|nine|ten|a\\s+couple)';
/** What may stand between the verb and the count: a cart line named or pointed at ("первого", "молока", "the milk"). */
const SOME = '(?:\\p{L}+\\s+){0,3}?';

const re = (source: string) => new RegExp(source, 'iu');

/**
 * "поменяй количество на 1", "сделай три первого", "пусть будет две", "оставь одну", "change the quantity to 2",
 * "make it 3", "set the milk to 2": a quantity the cart line should have, not one to add.
 */
export const SET_QUANTITY = re(`${B}(?:(?:поменя|измени|исправ|постав|смени|установи)\\p{L}*\\s+${SOME}на\\s+${N}${E}|сделай\\p{L}*\\s+${SOME}${N}${E}|пусть\\s+${SOME}будет\\s+${N}${E}|оставь\\p{L}*\\s+(?:только\\s+)?${SOME}${N}${E}|кол(?:ичеств\\p{L}*|-во)\\s+${SOME}(?:[-—:=]\\s*)?${N}${E}|(?:change|set|update|make)\\s+(?:the\\s+)?(?:quantity|amount|number)?\\s*(?:of\\s+)?${SOME}to\\s+${N}${E}|make\\s+(?:it|that|them|${SOME})\\s*${N}${E}|(?:keep|leave)\\s+(?:just\\s+|only\\s+)?${N}${E})`);
