import type { Middleware } from '../compose.ts';
import type { TurnContext } from '../turn-context.ts';
import { setTurnOutcome } from './turn-outcome.ts';

/** Options for {@link consentMiddleware}. */
export interface ConsentMiddlewareOptions {
  /** Whether the shopper agreed to `purpose`; plugged in by the composition root (the consent store). */
  hasConsent(shopperId: string, purpose: string): Promise<boolean>;
  /** Purposes looked up for every turn (default `['personalization']`). */
  purposes?: readonly string[];
  /**
   * Called instead of the rest of the turn when a purpose in `required` lacks consent, for example to
   * ask for it. Without it, the turn goes on and handlers check {@link consentOf}.
   */
  onMissing?: (context: TurnContext, missing: readonly string[]) => Promise<void>;
  /** Purposes without which the turn must not proceed (default none). */
  required?: readonly string[];
}

/** The `TurnContext.state` key of the consent map. */
export const CONSENT_STATE_KEY = 'pipeline.consent';

/** Which purposes the turn's shopper consented to (all false for an anonymous shopper). */
export function consentOf(context: TurnContext): ReadonlyMap<string, boolean> {
  return (context.state.get(CONSENT_STATE_KEY) as ReadonlyMap<string, boolean> | undefined) ?? new Map();
}

/**
 * Looks up the shopper's consent once per turn and shares it with handlers, so personal data is used
 * only where the shopper agreed. An anonymous shopper has consented to nothing.
 */
export function consentMiddleware(options: ConsentMiddlewareOptions): Middleware<TurnContext> {
  const purposes = [...new Set([...(options.purposes ?? ['personalization']), ...(options.required ?? [])])];
  const required = options.required ?? [];
  return async (context, next) => {
    const shopperId = context.shopperId;
    const answers = await Promise.all(
      purposes.map(async (purpose) => [purpose, shopperId ? await options.hasConsent(shopperId, purpose) : false] as const),
    );
    const consent = new Map(answers);
    context.state.set(CONSENT_STATE_KEY, consent);
    const missing = required.filter((purpose) => !consent.get(purpose));
    if (missing.length > 0 && options.onMissing) {
      setTurnOutcome(context, { kind: 'stopped', reason: `consent_required:${missing.join(',')}` });
      await options.onMissing(context, missing);
      return;
    }
    await next();
  };
}
