import type { Recognition } from '../nlu/recognizer.ts';

const YES = /^\s*(?:да|ага|угу|конечно|давай(?:те)?|подтверждаю|верно|точно|именно|ок(?:ей)?|хорошо|согласен|согласна|yes|yeah|yep|yup|sure|ok(?:ay)?|confirm(?:ed)?|correct|right|go\s+ahead|do\s+it|please\s+do)(?:[\s,.!]|$)/i;
const NO = /^\s*(?:нет|неа|не\s+надо|не\s+нужно|не\s+стоит|не\s+хочу|no|nope|nah|don'?t|do\s+not|not\s+now)(?:[\s,.!]|$)/i;

/** Reads a yes/no answer from the recognizer's intent or the words themselves. */
export function yesNo(recognition: Recognition, text: string): boolean | undefined {
  if (recognition.intent.name === 'confirm_yes' && recognition.intent.confidence >= 0.5) return true;
  if (recognition.intent.name === 'confirm_no' && recognition.intent.confidence >= 0.5) return false;
  if (/^\s*(?:yes|да)\s*$/i.test(text)) return true;
  if (NO.test(text)) return false;
  if (YES.test(text)) return true;
  return undefined;
}
