import type { Activity } from '../activity.ts';
import type { TurnContext } from '../turn-context.ts';

/**
 * What the pipeline did with one `bot.handle()` call. Callers read it with {@link turnOutcome}
 * after `handle()` resolves, to tell "no replies because coalesced/duplicate" from "no replies".
 */
export type TurnOutcome =
  /** The handler ran for this call. `coalesced` lists the other activities whose texts this turn also carried. */
  | { kind: 'handled'; coalesced?: CoalescedMessage[] }
  /** The activity id was seen before within the dedup window; nothing ran, no replies. */
  | { kind: 'duplicate' }
  /** Over the shopper's rate limit; the only reply is the polite notice. */
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  /**
   * This message arrived while a turn of the same conversation ran and was folded into the next turn,
   * which another call (possibly on another worker) ran and answered. This call has no replies.
   */
  | { kind: 'coalesced' }
  /** A hook (for example consent) answered and stopped the turn before the handler. */
  | { kind: 'stopped'; reason: string };

/** A message that was handled as part of a coalesced turn. */
export interface CoalescedMessage {
  activityId: string;
  text: string;
}

/** The outcome of nearly every turn, made once: frozen, so no reader can change it for the others. */
export const HANDLED: TurnOutcome = Object.freeze({ kind: 'handled' });

/** The outcome of a call whose message another turn carried (frozen, shared). */
export const COALESCED: TurnOutcome = Object.freeze({ kind: 'coalesced' });

/** The `TurnContext.state` key under which the outcome is kept during the turn. */
export const TURN_OUTCOME_STATE_KEY = 'pipeline.outcome';

// Keyed by the activity object the caller passed in, so a caller can ask about its own call without
// a change to Bot.handle's signature; weak, so nothing is retained after the caller drops the activity.
const outcomes = new WeakMap<Activity, TurnOutcome>();

/** Records what the pipeline did with the turn's activity. */
export function setTurnOutcome(context: TurnContext, outcome: TurnOutcome): void {
  context.state.set(TURN_OUTCOME_STATE_KEY, outcome);
  // A plain `handled` is what turnOutcome answers for an activity it does not hold, so nearly every turn only
  // clears a former outcome here instead of adding a weak entry (each costs the garbage collector).
  if (outcome.kind === 'handled' && outcome.coalesced === undefined) outcomes.delete(context.activity);
  else outcomes.set(context.activity, outcome);
}

/**
 * What the pipeline did with `activity` in the last `bot.handle(activity)` call;
 * `{ kind: 'handled' }` when no pipeline step stopped it.
 */
export function turnOutcome(activity: Activity): TurnOutcome {
  return outcomes.get(activity) ?? HANDLED;
}
