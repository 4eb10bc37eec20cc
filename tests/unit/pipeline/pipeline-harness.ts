import type { Activity, ChannelName, Locale } from '../../../core/activity.ts';
import { createBot, type Bot, type TurnHandler } from '../../../core/bot.ts';
import type { Translator } from '../../../core/i18n.ts';
import { createPipeline, type PipelineOptions } from '../../../core/pipeline/create-pipeline.ts';
import { createMemoryPipelineStores } from '../../../core/pipeline/pipeline-stores.ts';
import type { Reply } from '../../../core/reply.ts';
import type { TurnContext } from '../../../core/turn-context.ts';

/** A translator that shows the locale, key and variables, so tests can assert what was asked for. */
export const echoTranslator: Translator = {
  forLocale: (locale: Locale) => (key, vars) => `${locale}|${key}${vars ? `|${JSON.stringify(vars)}` : ''}`,
};

let counter = 0;

/** A message activity with sensible defaults. */
export function message(text: string, overrides: Partial<Omit<Activity, 'type'>> = {}): Activity {
  counter += 1;
  return {
    type: 'message',
    id: `m${counter}`,
    channel: 'test' as ChannelName,
    conversationId: 'c1',
    user: { channelUserId: 'u1' },
    timestamp: new Date(),
    text,
    ...overrides,
  } as Activity;
}

/** A button press. */
export function action(payload: string, overrides: Partial<Omit<Activity, 'type'>> = {}): Activity {
  counter += 1;
  return {
    type: 'action',
    id: `a${counter}`,
    channel: 'test',
    conversationId: 'c1',
    user: { channelUserId: 'u1' },
    timestamp: new Date(),
    payload,
    ...overrides,
  } as Activity;
}

/** A promise with its resolve function, to hold a turn open until the test lets it go. */
export function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** What the handler saw: one entry per turn it ran. */
export interface HandledTurn {
  text: string;
  activityId: string;
  shopperId?: string;
  locale: Locale;
  context: TurnContext;
}

/** Options for {@link pipelineBot}. */
export type PipelineBotOptions = Partial<PipelineOptions> & {
  /** Runs inside each turn before the echo reply (hold a gate, throw, ...). */
  during?: (context: TurnContext, turn: number) => Promise<void>;
};

/**
 * A bot with the full pipeline and an echo handler that records every turn it runs.
 * Replies are `echo: <text>` so every test can see which texts a turn carried.
 */
export function pipelineBot(options: PipelineBotOptions = {}): { bot: Bot; turns: HandledTurn[] } {
  const turns: HandledTurn[] = [];
  const handler: TurnHandler = async (context) => {
    const { activity } = context;
    const text = activity.type === 'message' ? activity.text : activity.type === 'action' ? activity.payload : '';
    turns.push({ text, activityId: activity.id, shopperId: context.shopperId, locale: context.locale, context });
    await options.during?.(context, turns.length);
    await context.reply(`echo: ${text}`);
  };
  const { during: _during, ...pipelineOptions } = options;
  const middleware = createPipeline({
    stores: createMemoryPipelineStores(),
    translator: echoTranslator,
    ...pipelineOptions,
    lock: { pollIntervalMs: 10, ...pipelineOptions.lock },
  });
  return { bot: createBot({ translator: echoTranslator, handler, middleware }), turns };
}

/** The texts of text replies. */
export function texts(replies: readonly Reply[]): string[] {
  return replies.flatMap((reply) => (reply.type === 'text' ? [reply.text] : []));
}

/** Waits until `condition` holds (polling), failing after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
