import { memo } from '../memo.ts';
import type { Token } from '../text.ts';
import { entityOver } from './builtin-entity.ts';
import type { BuiltinMatch } from './builtin-entity.ts';
import { numberWord } from './numbers.ts';

/** The reference clock for relative dates: `now` and the shopper's UTC offset in minutes (Moscow is 180). */
export interface Clock {
  now: Date;
  timeZoneOffsetMinutes: number;
}

/** A resolved date or date-time in the shopper's time zone. */
export interface DateTimeValue {
  /** ISO 8601 with the offset, "2024-05-02T19:00:00+03:00". */
  iso: string;
  /** "2024-05-02". */
  date: string;
  /** "19:00" when a time was said. */
  time?: string;
  grain: 'day' | 'minute';
}

interface Part {
  from: number;
  to: number;
  day?: number;
  date?: { month: number; day: number };
  weekday?: number;
  hour?: number;
  minute?: number;
  meridiem?: 'am' | 'pm' | 'night' | 'afternoon';
  deltaMinutes?: number;
}

const DAY_WORDS: Record<string, number> = { сегодня: 0, today: 0, завтра: 1, tomorrow: 1, послезавтра: 2, tonight: 0 };
const WEEKDAYS: [RegExp, number][] = [
  [/^(понедельник|понедельника|monday|mon)$/, 1], [/^(вторник|вторника|tuesday|tue)$/, 2], [/^(среду|среда|среды|wednesday|wed)$/, 3],
  [/^(четверг|четверга|thursday|thu)$/, 4], [/^(пятницу|пятница|пятницы|friday|fri)$/, 5], [/^(субботу|суббота|субботы|saturday|sat)$/, 6],
  [/^(воскресенье|воскресенья|sunday|sun)$/, 0],
];
const MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const PERIODS: Record<string, [number, Part['meridiem']]> = {
  утром: [9, 'am'], днем: [13, 'afternoon'], вечером: [19, 'pm'], ночью: [23, 'night'], morning: [9, 'am'],
  afternoon: [14, 'afternoon'], evening: [19, 'pm'], night: [22, 'night'], полдень: [12, 'afternoon'], noon: [12, 'afternoon'],
  полночь: [0, 'am'], midnight: [0, 'am'], обед: [13, 'afternoon'], lunchtime: [13, 'afternoon'],
};
const MERIDIEM: Record<string, Part['meridiem']> = { утра: 'am', am: 'am', дня: 'afternoon', вечера: 'pm', pm: 'pm', ночи: 'night' };
const UNIT_MINUTES: [RegExp, number][] = [
  [/^(минут|минуту|минуты|мин|minutes?|mins?)$/, 1], [/^(час|часа|часов|hours?|hrs?)$/, 60],
  [/^(день|дня|дней|days?)$/, 1440], [/^(неделю|недели|недель|weeks?)$/, 10080],
];

const monthOf = memo(monthOfUncached);
const weekdayOf = memo((norm: string): number | undefined => WEEKDAYS.find(([re]) => re.test(norm))?.[1]);

function monthOfUncached(norm: string): number | undefined {
  const ru = /^(январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)(я|а|е|ь|й)?$/.exec(norm);
  if (ru && norm !== 'ма') return MONTHS.indexOf(ru[1] as string) + 1;
  const en = EN_MONTHS.findIndex((m) => norm.startsWith(m) && norm.length >= 3 && 'january february march april may june july august september october november december'.includes(norm));
  return en >= 0 ? en + 1 : undefined;
}

function valueAt(tokens: readonly Token[], i: number): number | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (t.kind === 'number') return /^\d{1,2}$/.test(t.norm) ? Number(t.norm) : undefined;
  const w = numberWord(t.norm);
  return w && w.kind === 'unit' ? w.value : undefined;
}

/** Finds dates and times ("завтра к семи вечера", "в пятницу", "через 2 часа", "at 7 pm", "tomorrow morning"). */
export function findDateTimes(text: string, tokens: readonly Token[], clock: Clock): BuiltinMatch[] {
  const parts: Part[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const part = partAt(tokens, i);
    if (part) {
      parts.push(part);
      i = part.to;
    }
  }
  return merge(parts, tokens).map((p) => entityOver(text, tokens, p.from, p.to, 'datetime', resolve(p, clock)));
}

function partAt(tokens: readonly Token[], i: number): Part | undefined {
  const t = tokens[i] as Token;
  const n = t.norm;
  if (Object.hasOwn(DAY_WORDS, n)) return { from: i, to: i, day: DAY_WORDS[n], ...(n === 'tonight' ? { hour: 20, meridiem: 'pm' as const } : {}) };
  if (n === 'day' && tokens[i + 1]?.norm === 'after' && tokens[i + 2]?.norm === 'tomorrow') return { from: i, to: i + 2, day: 2 };
  const weekday = weekdayOf(n);
  if (weekday !== undefined) return { from: i, to: i, weekday };
  if (Object.hasOwn(PERIODS, n)) {
    const [hour, meridiem] = PERIODS[n] as [number, Part['meridiem']];
    return { from: i, to: i, hour, minute: 0, meridiem };
  }
  return relativeAt(tokens, i) ?? clockAt(tokens, i) ?? dateAt(tokens, i);
}

function relativeAt(tokens: readonly Token[], i: number): Part | undefined {
  const n = tokens[i]?.norm;
  if (n !== 'через' && n !== 'in') return undefined;
  if (tokens[i + 1]?.norm === 'полчаса' || (tokens[i + 1]?.norm === 'half' && tokens[i + 3]?.norm === 'hour')) {
    return { from: i, to: tokens[i + 1]?.norm === 'half' ? i + 3 : i + 1, deltaMinutes: 30 };
  }
  let j = i + 1;
  let amount = valueAt(tokens, j);
  if (amount === undefined && /^(a|an)$/.test(tokens[j]?.norm ?? '')) amount = 1;
  if (amount === undefined) amount = 1;
  else j++;
  const unit = UNIT_MINUTES.find(([re]) => re.test(tokens[j]?.norm ?? ''));
  if (!unit) return undefined;
  return { from: i, to: j, deltaMinutes: amount * unit[1] };
}

function clockAt(tokens: readonly Token[], i: number): Part | undefined {
  const lead = /^(в|во|к|на|около|до|at|by|around|before|after|till|until)$/.test(tokens[i]?.norm ?? '');
  let j = lead ? i + 1 : i;
  const hour = valueAt(tokens, j);
  if (hour === undefined || hour > 23) return undefined;
  let minute = 0;
  let explicit = false;
  if (tokens[j + 1]?.norm === ':' && tokens[j + 2]?.kind === 'number') {
    minute = Number(tokens[j + 2]!.norm);
    j += 2;
    explicit = true;
  }
  if (tokens[j + 1]?.norm === 'o' && /^clock$/.test(tokens[j + 2]?.norm ?? '')) {
    // "six o clock": the apostrophe of "o'clock" is often lost, leaving two tokens.
    j += 2;
    explicit = true;
  } else if (/^(час|часа|часов|o'clock|oclock)$/.test(tokens[j + 1]?.norm ?? '')) {
    j += 1;
    explicit = true;
  }
  const merKey = tokens[j + 1]?.norm ?? '';
  const mer = Object.hasOwn(MERIDIEM, merKey) ? MERIDIEM[merKey] : undefined;
  if (mer) j++;
  if (!mer && !explicit && !lead) return undefined;
  if (!mer && !explicit && tokens[i]?.norm !== 'в' && tokens[i]?.norm !== 'к' && tokens[i]?.norm !== 'at' && tokens[i]?.norm !== 'by') return undefined;
  if (minute > 59) return undefined;
  // "в 2 пачки": a number followed by more words that are not time words is not a time.
  if (!mer && !explicit && tokens[j + 1]?.kind === 'word' && !/^(утра|вечера|дня|ночи|завтра|сегодня|today|tomorrow|tonight)$/.test(tokens[j + 1]!.norm)) {
    return undefined;
  }
  return mer ? { from: i, to: j, hour, minute, meridiem: mer } : { from: i, to: j, hour, minute };
}

function dateAt(tokens: readonly Token[], i: number): Part | undefined {
  const day = valueAt(tokens, i);
  if (day !== undefined && day >= 1 && day <= 31) {
    let j = i + 1;
    if (tokens[j]?.norm === '-' && /^(го|е)$/.test(tokens[j + 1]?.norm ?? '')) j += 2;
    const month = monthOf(tokens[j]?.norm ?? '');
    if (month) return { from: i, to: j, date: { month, day } };
  }
  const month = monthOf(tokens[i]?.norm ?? '');
  const after = valueAt(tokens, i + 1);
  if (month && after !== undefined && after >= 1 && after <= 31) {
    const suffix = /^(st|nd|rd|th)$/.test(tokens[i + 2]?.norm ?? '') ? 1 : 0;
    return { from: i, to: i + 1 + suffix, date: { month, day: after } };
  }
  return undefined;
}

function merge(parts: Part[], tokens: readonly Token[]): Part[] {
  const out: Part[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    const gap = last ? part.from - last.to - 1 : 99;
    const gapOk = gap === 0 || (gap === 1 && /^(в|к|на|at|by|,|on|the|in)$/.test(tokens[part.from - 1]?.norm ?? ''));
    const lastHasTime = last?.hour !== undefined;
    const partHasTime = part.hour !== undefined;
    const lastHasDay = last && (last.day !== undefined || last.weekday !== undefined || last.date !== undefined);
    const partHasDay = part.day !== undefined || part.weekday !== undefined || part.date !== undefined;
    if (last && gapOk && ((lastHasTime !== partHasTime) || (!lastHasDay && partHasDay) || (lastHasDay && !partHasDay))) {
      // "7 вечера": a clock time followed by a period refines the meridiem only.
      const mer = part.meridiem && !partHasDay && lastHasTime ? { meridiem: part.meridiem } : {};
      out[out.length - 1] = { ...part, ...last, ...mer, from: last.from, to: part.to,
        ...(lastHasTime || !partHasTime ? {} : { hour: part.hour, minute: part.minute, meridiem: part.meridiem }) };
    } else out.push({ ...part });
  }
  return out;
}

function resolve(p: Part, clock: Clock): DateTimeValue {
  const offsetMs = clock.timeZoneOffsetMinutes * 60_000;
  const local = new Date(clock.now.getTime() + offsetMs);
  if (p.deltaMinutes !== undefined) {
    const at = new Date(local.getTime() + p.deltaMinutes * 60_000);
    return format(at, clock, p.deltaMinutes < 1440);
  }
  const base = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
  if (p.day !== undefined) base.setUTCDate(base.getUTCDate() + p.day);
  if (p.weekday !== undefined) base.setUTCDate(base.getUTCDate() + (((p.weekday - base.getUTCDay() + 7) % 7) || 7));
  if (p.date) {
    base.setUTCMonth(p.date.month - 1, p.date.day);
    if (base.getTime() < Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate())) base.setUTCFullYear(base.getUTCFullYear() + 1);
  }
  if (p.hour === undefined) return format(base, clock, false);
  const hasDay = p.day !== undefined || p.weekday !== undefined || p.date !== undefined;
  let hour = to24(p.hour, p.meridiem);
  const at = new Date(base.getTime() + (hour * 60 + (p.minute ?? 0)) * 60_000);
  if (!hasDay && at.getTime() <= local.getTime()) {
    // "к 7" said at 15:00 means 19:00 today; a time already gone otherwise means tomorrow.
    if (!p.meridiem && hour < 12 && at.getTime() + 12 * 3_600_000 > local.getTime()) hour += 12;
    else at.setUTCDate(at.getUTCDate() + 1);
    return format(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), hour % 24, p.minute ?? 0)), clock, true);
  }
  return format(at, clock, true);
}

function to24(hour: number, meridiem: Part['meridiem']): number {
  if (meridiem === 'pm' && hour < 12) return hour + 12;
  if (meridiem === 'afternoon' && hour < 6) return hour + 12;
  if (meridiem === 'night' && hour >= 6 && hour < 12) return hour + 12;
  if (meridiem === 'am' && hour === 12) return 0;
  return hour;
}

function format(localAsUtc: Date, clock: Clock, withTime: boolean): DateTimeValue {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const date = `${localAsUtc.getUTCFullYear()}-${pad(localAsUtc.getUTCMonth() + 1)}-${pad(localAsUtc.getUTCDate())}`;
  const time = `${pad(localAsUtc.getUTCHours())}:${pad(localAsUtc.getUTCMinutes())}`;
  const off = clock.timeZoneOffsetMinutes;
  const zone = `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  const iso = `${date}T${withTime ? time : '00:00'}:00${zone}`;
  return withTime ? { iso, date, time, grain: 'minute' } : { iso, date, grain: 'day' };
}
