import type { Entity } from '../nlu/recognizer.ts';
import { correctionTail } from './corrections.ts';
import { CANCELLED, WAITING, complete, type Dialog, type DialogResult, type DialogTurn } from './dialog.ts';
import type { SlotDefinition } from './slots.ts';
import { yesNo } from './yes-no.ts';

/** A question with its locale key and variables. */
export interface PromptSpec {
  key: string;
  vars?: Record<string, unknown>;
}

/** Asks "are you sure?" before an action with consequences. */
export interface ConfirmSpec {
  prompt: (turn: DialogTurn, values: Record<string, unknown>) => PromptSpec;
  /** Only confirm when this says so (default: always). */
  when?: (values: Record<string, unknown>) => boolean;
  /** Said when the shopper answers no. */
  declined: string;
  /** Said when the answer is neither yes nor no, each more explicit. */
  reprompts?: string[];
}

/** A form: slots filled over one or more messages, an optional confirmation, then an action. */
export interface FormDefinition {
  id: string;
  intents: string[];
  slots: SlotDefinition[];
  /** Starting values: carried over from memory or from a button's arguments. */
  initial?: (turn: DialogTurn, args: Record<string, unknown>) => Record<string, unknown>;
  confirm?: ConfirmSpec;
  /** Said when the shopper kept not answering and the form gives up (default `dialog:give_up`). */
  giveUp?: string;
  /** Runs the action once every required slot is filled (and confirmed). */
  complete: (turn: DialogTurn, values: Record<string, unknown>) => Promise<unknown>;
}

interface FormState {
  values: Record<string, unknown>;
  asking?: string;
  attempts: number;
  confirming?: boolean;
}

const YES_NO_BUTTONS = (turn: DialogTurn) => [
  { title: turn.t('dialog:yes'), payload: 'yes' },
  { title: turn.t('dialog:no'), payload: 'no' },
];

function entitiesFrom(entities: readonly Entity[], start: number): Entity[] {
  return entities.filter((e) => e.start >= start).map((e) => ({ ...e, start: e.start - start, end: e.end - start }));
}

/**
 * Reads every slot the message mentions. A correction ("не две, а три") is read from its corrected
 * part first. With `strict` (deciding whether a message is an answer at all) free-text slots are skipped.
 */
export function extractSlots(
  slots: readonly SlotDefinition[],
  turn: DialogTurn,
  asking: string | undefined,
  strict = false,
): Record<string, unknown> {
  const tail = correctionTail(turn.text);
  const found: Record<string, unknown> = {};
  for (const slot of slots) {
    if (strict && slot.type.freeText) continue;
    const asked = slot.name === asking;
    const inputs = tail
      ? [{ text: tail.text, entities: entitiesFrom(turn.recognition.entities, tail.start) }]
      : [];
    inputs.push({ text: turn.text, entities: [...turn.recognition.entities] });
    for (const input of inputs) {
      const value = slot.type.extract({ ...input, locale: turn.locale, asked, memory: turn.memory });
      if (value !== undefined) {
        found[slot.name] = value;
        break;
      }
    }
  }
  return found;
}

function isRequired(slot: SlotDefinition, values: Record<string, unknown>): boolean {
  return typeof slot.required === 'function' ? slot.required(values) : slot.required === true;
}

/** Builds a {@link Dialog} from a declarative form. */
export function createFormDialog(def: FormDefinition): Dialog {
  const stateOf = (turn: DialogTurn) => turn.state as unknown as FormState;

  function ask(turn: DialogTurn, slot: SlotDefinition, attempt: number): void {
    const state = stateOf(turn);
    const key = attempt === 0 ? slot.prompt : slot.reprompts?.[attempt - 1] ?? slot.prompt;
    turn.say(key ?? 'dialog:ask_slot', { ...state.values, slot: slot.name }, slot.quickReplies?.((k, v) => turn.t(k, v)));
  }

  function askConfirm(turn: DialogTurn, attempt: number): void {
    const { values } = stateOf(turn);
    const spec = def.confirm!.prompt(turn, values);
    const key = attempt === 0 ? spec.key : def.confirm!.reprompts?.[attempt - 1] ?? 'dialog:confirm_reprompt';
    turn.say(key, spec.vars, YES_NO_BUTTONS(turn));
  }

  /** Applies extracted values, reporting the first validation problem. */
  function apply(turn: DialogTurn, found: Record<string, unknown>): boolean {
    const state = stateOf(turn);
    let changed = false;
    for (const slot of def.slots) {
      if (!(slot.name in found)) continue;
      const problem = slot.validate?.(found[slot.name], state.values);
      if (problem) {
        turn.say(problem, { value: found[slot.name] });
        continue;
      }
      state.values[slot.name] = found[slot.name];
      changed = true;
    }
    return changed;
  }

  async function step(turn: DialogTurn): Promise<DialogResult> {
    const state = stateOf(turn);
    const missing = def.slots.find((s) => isRequired(s, state.values) && state.values[s.name] === undefined);
    if (missing) {
      if (state.asking !== missing.name) state.attempts = 0;
      state.asking = missing.name;
      ask(turn, missing, state.attempts);
      return WAITING;
    }
    state.asking = undefined;
    if (def.confirm && (def.confirm.when?.(state.values) ?? true) && !state.confirming) {
      state.confirming = true;
      state.attempts = 0;
      askConfirm(turn, 0);
      return WAITING;
    }
    return complete(await def.complete(turn, state.values));
  }

  function escalate(turn: DialogTurn): DialogResult {
    const state = stateOf(turn);
    state.attempts += 1;
    const limit = state.confirming
      ? (def.confirm?.reprompts?.length ?? 1)
      : (def.slots.find((s) => s.name === state.asking)?.reprompts?.length ?? 1);
    if (state.attempts > limit) {
      turn.say(def.giveUp ?? 'dialog:give_up');
      return CANCELLED;
    }
    if (state.confirming) askConfirm(turn, state.attempts);
    else ask(turn, def.slots.find((s) => s.name === state.asking)!, state.attempts);
    return WAITING;
  }

  async function continueConfirming(turn: DialogTurn): Promise<DialogResult> {
    const answer = yesNo(turn.recognition, turn.text);
    const found = extractSlots(def.slots, turn, undefined, true);
    if (Object.keys(found).length > 0 && apply(turn, found)) {
      stateOf(turn).confirming = false;
      return step(turn);
    }
    if (answer === true) return complete(await def.complete(turn, stateOf(turn).values));
    if (answer === false) {
      turn.say(def.confirm!.declined);
      return CANCELLED;
    }
    return escalate(turn);
  }

  return {
    id: def.id,
    intents: def.intents,
    async begin(turn, args = {}) {
      const state = stateOf(turn);
      state.values = { ...(def.initial?.(turn, args) ?? {}) };
      state.attempts = 0;
      apply(turn, extractSlots(def.slots, turn, undefined));
      return step(turn);
    },
    async continue(turn) {
      const state = stateOf(turn);
      if (state.confirming) return continueConfirming(turn);
      const found = extractSlots(def.slots, turn, state.asking);
      const filled = apply(turn, found);
      if (!filled) return escalate(turn);
      return step(turn);
    },
    async resume(turn) {
      const state = stateOf(turn);
      turn.say('dialog:resume');
      if (state.confirming) {
        askConfirm(turn, 0);
        return WAITING;
      }
      return step(turn);
    },
    accepts(turn) {
      const state = stateOf(turn);
      if (state.confirming && yesNo(turn.recognition, turn.text) !== undefined) return true;
      const found = extractSlots(def.slots, turn, state.asking, true);
      if (state.asking && state.asking in found) return true;
      // Other slots count too ("и в Купере"), unless the message clearly asks for something else
      // ("убери одну гречку" while asking which item to add carries a quantity, but is a removal).
      const intent = turn.recognition.intent;
      const elsewhere = intent.name !== 'none' && intent.confidence >= 0.5 && !def.intents.includes(intent.name);
      return Object.keys(found).length > 0 && !elsewhere;
    },
  };
}
