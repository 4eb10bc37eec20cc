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

/**
 * Applies the shopper's saved language, the strongest hint (DESIGN: the shopper's setting, else the
 * channel's language, else the text). The bot already chose from the request, channel and text.
 */
export function localeMiddleware(options: LocaleMiddlewareOptions): Middleware<TurnContext> {
  return async (context, next) => {
    const shopperId = context.shopperId;
    const preferred = shopperId ? await options.preferredLocale(shopperId) : undefined;
    if (preferred && preferred !== context.locale) context.setLocale(preferred, options.translator.forLocale(preferred));
    await next();
  };
}
