import type { Locale } from '../activity.ts';
import type { Translator } from '../i18n.ts';
import { NONE_INTENT, type IntentScore, type Recognition, type Recognizer } from '../nlu/recognizer.ts';
import type { QuickReply, Reply } from '../reply.ts';
import type { TurnContext } from '../turn-context.ts';
import {
  WAITING, type ConversationState, type Dialog, type DialogFrame, type DialogResult, type DialogTurn,
} from './dialog.ts';
import { remember } from './history.ts';
import { intentPayload } from './payload.ts';

/** High-precision phrasings that override the statistical recognizer (context follow-ups, commands). */
export type IntentRules = (text: string, locale: Locale, memory: Record<string, unknown>) => IntentScore | undefined;

/** Settings shared by every turn of an engine. */
export interface RunnerSettings {
  recognizer: Recognizer;
  dialogs: ReadonlyMap<string, Dialog>;
  byIntent: ReadonlyMap<string, Dialog>;
  translator: Translator;
  rules?: IntentRules;
  fallback: (turn: DialogTurn, count: number) => Promise<void>;
  minConfidence: number;
  clarifyMargin: number;
  cancelIntent: string;
  historyLimit: number;
  intentLabel: (intent: string, t: DialogTurn['t']) => string;
  now: () => number;
}

/** One message to handle: its text, or an intent a button named. */
export interface IncomingMessage {
  text: string;
  forced?: { intent: string; args: Record<string, string> };
}

/** Runs the messages of one turn against a conversation state, collecting replies. */
export class TurnRunner {
  readonly replies: Reply[] = [];
  /** Set when a dialog asked to forget the conversation (erasure). */
  reset = false;
  readonly #s: RunnerSettings;
  readonly #context: TurnContext;
  readonly #state: ConversationState;
  readonly #userKey: string;

  constructor(settings: RunnerSettings, context: TurnContext, state: ConversationState, userKey: string) {
    this.#s = settings;
    this.#context = context;
    this.#state = state;
    this.#userKey = userKey;
  }

  /** Handles one message: cancel, clarification answers, the active dialog, interruptions, new dialogs, fallback. */
  async run(message: IncomingMessage): Promise<void> {
    const state = this.#state;
    state.turns += 1;
    remember(state, { role: 'user', text: message.text, at: this.#s.now() }, this.#s.historyLimit);
    const pending = state.clarification;
    state.clarification = undefined;
    let text = message.text;
    let recognition = await this.#recognize(text, message.forced?.intent);
    if (pending && message.forced && pending.options.includes(message.forced.intent)) {
      text = pending.text;
      recognition = await this.#recognize(text, message.forced.intent);
    }
    const last = state.history[state.history.length - 1];
    if (last) last.intent = recognition.intent.name;
    const args = message.forced?.args ?? {};
    const intent = recognition.intent;
    const confident = intent.name !== NONE_INTENT && intent.confidence >= this.#s.minConfidence;

    if (confident && intent.name === this.#s.cancelIntent) return this.#cancel(recognition, text, args);
    const top = state.stack[state.stack.length - 1];
    // A button names its intent with exact arguments: pressing one of the waiting dialog's own buttons (the
    // "which item?" list) starts that intent afresh with them, rather than being read as a typed answer.
    const pressed = message.forced ? this.#s.byIntent.get(message.forced.intent) : undefined;
    if (top && pressed && pressed.id === top.dialogId && Object.keys(args).length > 0) {
      state.stack.pop();
      return this.#start(pressed, recognition, text, args);
    }
    if (top) {
      const dialog = this.#s.dialogs.get(top.dialogId);
      if (dialog) return this.#continue(dialog, top, recognition, text, args, confident ? intent : undefined);
      state.stack.pop();
    }
    if (!message.forced && this.#ambiguous(recognition)) return this.#clarify(recognition, text, args);
    const target = confident ? this.#s.byIntent.get(intent.name) : undefined;
    if (target) return this.#start(target, recognition, text, args);
    state.fallbacks += 1;
    await this.#s.fallback(this.#turn(undefined, recognition, text, args), state.fallbacks);
  }

  async #recognize(text: string, forced?: string): Promise<Recognition> {
    if (forced) {
      const base = text ? await this.#recognizeText(text) : undefined;
      const intent = { name: forced, confidence: 1 };
      return { text, language: this.#context.locale, intent, intents: [intent], entities: base?.entities ?? [] };
    }
    return this.#recognizeText(text);
  }

  async #recognizeText(text: string): Promise<Recognition> {
    const top = this.#state.stack[this.#state.stack.length - 1];
    const expectedIntents = top ? [...(this.#s.dialogs.get(top.dialogId)?.intents ?? [])] : undefined;
    const recognition = await this.#s.recognizer.recognize(text, {
      locale: this.#context.locale, expectedIntents, signal: this.#context.signal,
    });
    const rule = this.#s.rules?.(text, this.#context.locale, this.#state.memory);
    if (!rule) return recognition;
    const recognized = recognition.intent;
    if (recognized.name !== NONE_INTENT && recognized.confidence > rule.confidence) return recognition;
    // A rule is decisive: the recognizer's other guesses stay as alternatives but never look like a tie.
    const intents = [rule, ...recognition.intents.filter((i) => i.name !== rule.name)
      .map((i) => ({ name: i.name, confidence: Math.min(i.confidence, rule.confidence / 2) }))];
    return { ...recognition, intent: rule, intents };
  }

  #ambiguous(recognition: Recognition): boolean {
    const [a, b] = recognition.intents;
    if (!a || !b || recognition.intent.name !== a.name) return false;
    if (a.confidence < 0.3 || a.confidence - b.confidence >= this.#s.clarifyMargin) return false;
    const da = this.#s.byIntent.get(a.name);
    const db = this.#s.byIntent.get(b.name);
    return da !== undefined && db !== undefined && da !== db;
  }

  async #clarify(recognition: Recognition, text: string, args: Record<string, string>): Promise<void> {
    const options = recognition.intents.slice(0, 2).map((i) => i.name);
    this.#state.clarification = { text, options };
    const turn = this.#turn(undefined, recognition, text, args);
    const quickReplies: QuickReply[] = options.map((o) => ({ title: this.#s.intentLabel(o, turn.t), payload: intentPayload(o) }));
    const [first, second] = quickReplies;
    turn.say('dialog:clarify', { first: first?.title, second: second?.title }, quickReplies);
  }

  async #cancel(recognition: Recognition, text: string, args: Record<string, string>): Promise<void> {
    const hadDialog = this.#state.stack.length > 0;
    this.#state.stack = [];
    const turn = this.#turn(undefined, recognition, text, args);
    turn.say(hadDialog ? 'dialog:cancelled' : 'dialog:nothing_to_cancel');
  }

  async #continue(
    dialog: Dialog, frame: DialogFrame, recognition: Recognition, text: string, args: Record<string, string>,
    intent: IntentScore | undefined,
  ): Promise<void> {
    const turn = this.#turn(frame, recognition, text, args);
    const other = intent ? this.#s.byIntent.get(intent.name) : undefined;
    if (other && other !== dialog && !(dialog.accepts?.(turn) ?? true)) {
      return this.#start(other, recognition, text, args);
    }
    this.#state.fallbacks = 0;
    await this.#settle(await dialog.continue(turn), recognition, text, args);
  }

  async #start(dialog: Dialog, recognition: Recognition, text: string, args: Record<string, string>): Promise<void> {
    this.#state.fallbacks = 0;
    const frame: DialogFrame = { dialogId: dialog.id, state: {} };
    this.#state.stack.push(frame);
    const result = await dialog.begin(this.#turn(frame, recognition, text, args), args);
    await this.#settle(result, recognition, text, args);
  }

  /** Pops finished dialogs and resumes whoever is below them. */
  async #settle(result: DialogResult, recognition: Recognition, text: string, args: Record<string, string>): Promise<void> {
    let current = result;
    while (current.status !== 'waiting') {
      this.#state.stack.pop();
      const parent = this.#state.stack[this.#state.stack.length - 1];
      const dialog = parent && this.#s.dialogs.get(parent.dialogId);
      if (!parent || !dialog) return;
      current = await dialog.resume(this.#turn(parent, recognition, text, args), current);
    }
  }

  #turn(frame: DialogFrame | undefined, recognition: Recognition, text: string, args: Record<string, string>): DialogTurn {
    const state = this.#state;
    const context = this.#context;
    const frameState = frame?.state ?? {};
    const turn: DialogTurn = {
      context, recognition, text, args,
      get locale() { return context.locale; },
      memory: state.memory,
      state: frameState,
      history: state.history,
      userKey: this.#userKey,
      t: (key, vars) => context.t(key, vars),
      reply: (reply) => this.#push(typeof reply === 'string' ? { type: 'text', text: reply } : reply),
      say: (key, vars, quickReplies) => {
        const text = context.t(key, vars);
        this.#push(quickReplies?.length ? { type: 'text', text, quickReplies } : { type: 'text', text });
      },
      begin: (dialogId, childArgs) => this.#beginChild(dialogId, recognition, text, args, childArgs),
      forget: () => {
        this.reset = true;
      },
      setLocale: (locale: Locale) => {
        state.locale = locale;
        // Tell the conversation session too (see core/conversation-session.ts), so the locale middleware agrees.
        const session = context.state.get('session') as { preferredLocale?: Locale } | undefined;
        if (session) session.preferredLocale = locale;
        context.setLocale(locale, this.#s.translator.forLocale(locale));
      },
    };
    return turn;
  }

  async #beginChild(
    dialogId: string, recognition: Recognition, text: string, args: Record<string, string>,
    childArgs: Record<string, unknown> | undefined,
  ): Promise<DialogResult> {
    const dialog = this.#s.dialogs.get(dialogId);
    if (!dialog) throw new Error(`unknown dialog '${dialogId}'`);
    const frame: DialogFrame = { dialogId, state: {} };
    this.#state.stack.push(frame);
    const result = await dialog.begin(this.#turn(frame, recognition, text, args), childArgs);
    if (result.status === 'waiting') return WAITING;
    this.#state.stack.pop();
    return result;
  }

  #push(reply: Reply): void {
    this.replies.push(reply);
  }
}
