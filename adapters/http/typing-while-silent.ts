import type { TurnHooks } from './turn-runner.ts';

/** The hooks a messenger replier gives a turn. */
export type ReplierHooks = Required<Pick<TurnHooks, 'onTyping' | 'onDelta' | 'onReply'>>;

/** Options for {@link typingWhileSilent}. */
export interface TypingWhileSilentOptions {
  /** How long a turn may be silent before the shopper is shown "typing…" (default 1000 ms). */
  delayMs?: number;
  /** How often the indicator is renewed while the turn stays silent (the messenger clears it after a few seconds). */
  refreshMs: number;
}

/** The wrapped hooks, and the switch the caller flips when the turn has ended. */
export interface SilentTurnTyping {
  hooks: ReplierHooks;
  /** Stops the indicator (idempotent); call it when the turn ends, however it ends. */
  stop(): void;
}

/**
 * Shows a typing indicator while a turn has said nothing yet: after `delayMs` of silence, then every
 * `refreshMs`, until its first chunk or reply (which the messenger shows in place of the indicator) or its
 * end. The dialogs rarely ask for typing themselves, and a messenger shopper otherwise stares at a silent
 * chat while a slow turn (a cold search index, a model) works. A fast turn shows no indicator at all.
 */
export function typingWhileSilent(hooks: ReplierHooks, options: TypingWhileSilentOptions): SilentTurnTyping {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  // The indicator call in flight: an answer waits for it, or the indicator could land after the answer and
  // show "typing…" under it for seconds.
  let inFlight: Promise<unknown> = Promise.resolve();
  const stop = (): void => {
    stopped = true;
    clearTimeout(timer);
  };
  const tick = (): void => {
    if (stopped) return;
    // The replier logs its own failures; an indicator is never worth failing a turn for.
    inFlight = Promise.resolve(hooks.onTyping()).catch(() => undefined);
    timer = setTimeout(tick, options.refreshMs);
  };
  timer = setTimeout(tick, options.delayMs ?? 1_000);
  return {
    stop,
    hooks: {
      onTyping: hooks.onTyping,
      async onDelta(text) {
        stop();
        await inFlight;
        return hooks.onDelta(text);
      },
      async onReply(reply) {
        stop();
        await inFlight;
        return hooks.onReply(reply);
      },
    },
  };
}
