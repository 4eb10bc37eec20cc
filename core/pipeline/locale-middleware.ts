import type { Locale } from '../activity.ts';
import type { Middleware } from '../compose.ts';
import type { Translator } from '../i18n.ts';
import type { TurnContext } from '../turn-context.ts';

/** Options for {@link localeMiddleware}. */
export interface LocaleMiddlewareOptions {
  translator: Translator;
  /** The language the shopper chose in their profile; plugged in by the composition root. */
  preferredLocale(shopperId: string): Promise<Locale | undefined>;
}

/** The `TurnContext.state` key of the shopper's saved language, when they have one. */
export const PREFERRED_LOCALE_STATE_KEY = 'pipeline.preferredLocale';

/**
 * The shopper's saved language as the locale step found it, so later steps that choose the locale
 * again (the session middleware) can keep it as the strongest hint.
 */
export function preferredLocaleOf(context: TurnContext): Locale | undefined {
  return context.state.get(PREFERRED_LOCALE_STATE_KEY) as Locale | undefined;
}

/**
 * Applies the shopper's saved language, the strongest hint (DESIGN: the shopper's setting, else the
 * channel's language, else the text). The bot already chose from the request, channel and text.
 */
export function localeMiddleware(options: LocaleMiddlewareOptions): Middleware<TurnContext> {
  return async (context, next) => {
    const shopperId = context.shopperId;
    const preferred = shopperId ? await options.preferredLocale(shopperId) : undefined;
    if (preferred) {
      context.state.set(PREFERRED_LOCALE_STATE_KEY, preferred);
      if (preferred !== context.locale) context.setLocale(preferred, options.translator.forLocale(preferred));
    }
    await next();
  };
}
