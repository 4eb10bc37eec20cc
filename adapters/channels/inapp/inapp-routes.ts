import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, SovetnikError } from '../../../core/errors.ts';
import type { Activity } from '../../../core/activity.ts';
import { bearerToken } from '../../http/api-key.ts';
import { answerFor } from '../../http/error-handler.ts';
import { errorBody } from '../../http/error-response.ts';
import type { ShopperClaims, ShopperTokens } from '../../http/shopper-tokens.ts';
import { EventStream, wantsEventStream } from '../../http/sse.ts';
import type { TurnRunner } from '../../http/turn-runner.ts';
import { toActivity } from './inapp-activity.ts';
import { parseInappMessage } from './inapp-message.ts';

/** Options shared by the chat message routes of the in-app API and the web widget. */
export interface MessageRouteOptions {
  turns: TurnRunner;
  tokens: ShopperTokens;
  /** Which token channels the route accepts. */
  channels: readonly ShopperClaims['channel'][];
  /**
   * Whether `Accept-Language` counts as the channel's language (default true). Apps set it on purpose;
   * a browser's is only a guess, so the widget lets the text decide unless the shopper picks a language.
   */
  acceptLanguage?: boolean;
  /**
   * Whether the stream's `done` event also names the language the turn ended in, so the widget's UI can follow a
   * switch made by text. Off for the in-app API, whose `done` stays exactly `{conversationId}`.
   */
  reportLocale?: boolean;
}

/** Checks that a verified shopper's token may be used on this route. */
function allowedHere(options: MessageRouteOptions, claims: ShopperClaims): ShopperClaims {
  if (!options.channels.includes(claims.channel)) {
    throw new ForbiddenError(`a ${claims.channel} token cannot be used here`);
  }
  return claims;
}

async function streamTurn(reply: FastifyReply, options: MessageRouteOptions, activity: Activity): Promise<void> {
  const stream = new EventStream(reply);
  // Every text reaches the client as deltas first, as DESIGN's stream promises, even when it was not generated
  // piece by piece (template answers): clients render one way whatever produced the text.
  let streamed = false;
  let locale: string | undefined;
  // A client that goes away mid-stream cancels the turn: its signal aborts (a model stops generating), the
  // conversation lock is released as the turn unwinds, and nothing more is written to the closed connection.
  const cancel = new AbortController();
  const raw = reply.raw;
  const onClose = (): void => {
    if (!raw.writableFinished) cancel.abort(new SovetnikError('turn_ended', 'the client closed the connection'));
  };
  raw.once('close', onClose);
  try {
    await options.turns.run(activity, {
      cancel: cancel.signal,
      onDelta: (text) => {
        streamed = true;
        stream.send('delta', { text });
      },
      ...(options.reportLocale ? { onLocale: (ended: string) => { locale = ended; } } : {}),
      onReply: (settled) => {
        // A cards reply's text (its introduction) is streamed like any text; cards with no text have nothing to say.
        if (!streamed && (settled.type === 'text' || (settled.type === 'cards' && settled.text))) stream.send('delta', { text: settled.text });
        streamed = false;
        stream.send('reply', settled);
      },
    });
  } catch (error) {
    if (!stream.started && !cancel.signal.aborted) throw error;
    const answer = answerFor(error);
    stream.send('error', errorBody(answer.code, answer.message));
  } finally {
    raw.off('close', onClose);
  }
  if (stream.closed) {
    // Nothing was written before the client left: tell fastify the response is dealt with.
    if (!stream.started) reply.hijack();
    return;
  }
  // The language the turn ended in lets a client follow a switch made by text ("switch to English").
  stream.send('done', options.reportLocale && locale ? { conversationId: activity.conversationId, locale } : { conversationId: activity.conversationId });
  stream.end();
}

/** The handler of a chat message route: validate, run the turn, answer JSON or stream SSE. */
export function createMessageHandler(options: MessageRouteOptions) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    // A token seen before is taken without an await; a new one is verified (HMAC) first.
    const token = bearerToken(request.headers.authorization);
    const claims = allowedHere(options, options.tokens.known(token) ?? (await options.tokens.verify(token)));
    const message = parseInappMessage(request.body);
    const language = options.acceptLanguage === false ? undefined : request.headers['accept-language'];
    const activity = toActivity(message, claims, language);
    if (wantsEventStream(request.headers.accept)) return streamTurn(reply, options, activity);
    const replies = await options.turns.run(activity);
    return reply.send({ conversationId: activity.conversationId, replies });
  };
}

/** Registers a chat message route at `path`. */
export function registerMessageRoute(app: FastifyInstance, path: string, options: MessageRouteOptions): void {
  // Authentication runs first in the handler (a hook stage would cost every request a little more).
  app.post(path, createMessageHandler(options));
}

/** Options for {@link registerInappRoutes}. */
export interface InappRoutesOptions {
  turns: TurnRunner;
  tokens: ShopperTokens;
}

/**
 * `POST /api/v1/inapp/messages` (DESIGN.md): the services' mobile apps send a shopper's message with the
 * shopper's JWT and get `{conversationId, replies}`, or the same turn as server-sent events.
 * Web-widget tokens are accepted too and keep their `web` channel.
 */
export function registerInappRoutes(app: FastifyInstance, options: InappRoutesOptions): void {
  registerMessageRoute(app, '/api/v1/inapp/messages', { ...options, channels: ['inapp', 'web'] });
}
