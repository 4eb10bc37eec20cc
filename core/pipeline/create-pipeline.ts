import type { Middleware } from '../compose.ts';
import type { Translator } from '../i18n.ts';
import type { TurnContext } from '../turn-context.ts';
import { consentMiddleware, type ConsentMiddlewareOptions } from './consent-middleware.ts';
import { conversationLockMiddleware, type ConversationLockOptions } from './conversation-lock-middleware.ts';
import { dedupMiddleware, type DedupMiddlewareOptions } from './dedup-middleware.ts';
import { identityMiddleware, type IdentityMiddlewareOptions } from './identity-middleware.ts';
import { localeMiddleware, type LocaleMiddlewareOptions } from './locale-middleware.ts';
import type { PipelineStores } from './pipeline-stores.ts';
import { rateLimitMiddleware, type RateLimitMiddlewareOptions } from './rate-limit-middleware.ts';
import { HANDLED, setTurnOutcome } from './turn-outcome.ts';

/** Options for {@link createPipeline}: the stores, the translator, tuning, and the shopper hooks. */
export interface PipelineOptions {
  stores: PipelineStores;
  translator: Translator;
  dedup?: Omit<DedupMiddlewareOptions, 'store'>;
  /** Default 50 messages a minute per shopper. */
  rateLimit?: Omit<RateLimitMiddlewareOptions, 'store'>;
  lock?: Omit<ConversationLockOptions, 'store'>;
  /** The shopper behind a channel user (identity store); without it only channel-authenticated shoppers are known. */
  resolveShopper?: IdentityMiddlewareOptions['resolveShopper'];
  /** The shopper's consent per purpose (consent store); without it no consent step runs. */
  hasConsent?: ConsentMiddlewareOptions['hasConsent'];
  consent?: Omit<ConsentMiddlewareOptions, 'hasConsent'>;
  /** The shopper's saved language (profile store); without it no locale step runs. */
  preferredLocale?: LocaleMiddlewareOptions['preferredLocale'];
}

/**
 * The turn pipeline in DESIGN's order: dedup -> rate limit -> identity -> consent -> locale ->
 * conversation lock. Identity, consent and locale steps are included when their hook is given.
 * Whatever comes after this list (session load/save, the dialog) runs inside the conversation lock.
 */
export function createPipeline(options: PipelineOptions): Middleware<TurnContext>[] {
  const { stores } = options;
  const steps: Middleware<TurnContext>[] = [
    startOutcome,
    dedupMiddleware({ ...options.dedup, store: stores.dedup }),
    rateLimitMiddleware({ ...options.rateLimit, store: stores.rateLimit }),
  ];
  if (options.resolveShopper) steps.push(identityMiddleware({ resolveShopper: options.resolveShopper }));
  if (options.hasConsent) steps.push(consentMiddleware({ ...options.consent, hasConsent: options.hasConsent }));
  if (options.preferredLocale) {
    steps.push(localeMiddleware({ translator: options.translator, preferredLocale: options.preferredLocale }));
  }
  steps.push(conversationLockMiddleware({ ...options.lock, store: stores.lock }));
  return steps;
}

// A caller may hand the same activity object to handle() twice; its outcome must describe the last call.
// Not async: a step that only passes the turn on returns next()'s promise rather than wrapping it in its own.
const startOutcome: Middleware<TurnContext> = (context, next) => {
  setTurnOutcome(context, HANDLED);
  return next();
};
