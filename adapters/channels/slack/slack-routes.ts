import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebClient } from '@slack/web-api';
import { ValidationError } from '../../../core/errors.ts';
import type { Logger } from '../../../core/logger.ts';
import { BackgroundWork } from '../../http/background-work.ts';
import type { TurnRunner } from '../../http/turn-runner.ts';
import { parseWith } from '../../http/validation.ts';
import { parseSlackBlockActions, parseSlackEvent, type SlackInbound } from './slack-activity.ts';
import { blockActionsSchema, eventCallbackSchema, slackTypedSchema, urlVerificationSchema } from './slack-payloads.ts';
import { createSlackReplier } from './slack-replier.ts';
import { verifySlackSignature } from './slack-signature.ts';

/** The public paths of the Slack webhooks (DESIGN.md). */
export const SLACK_EVENTS_PATH = '/webhooks/slack/events';
export const SLACK_INTERACTIONS_PATH = '/webhooks/slack/interactions';

/** Options for {@link registerSlackRoutes}. */
export interface SlackRoutesOptions {
  turns: TurnRunner;
  /** The Web API client (`@slack/web-api`), pointed at `SLACK_API_URL` when set. */
  client: WebClient;
  signingSecret: string;
  logger: Logger;
  /** Where turns run after the webhook has answered; tests pass theirs to wait for it. */
  background?: BackgroundWork;
  /** The least time between two edits of a streamed answer (default 1000 ms). */
  streamIntervalMs?: number;
  /** The clock in milliseconds for the replay window, replaceable in tests. */
  now?: () => number;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The raw body, checked against Slack's signature before anything reads it. */
function verified(request: FastifyRequest, options: SlackRoutesOptions): string {
  const rawBody = typeof request.body === 'string' ? request.body : '';
  verifySlackSignature(
    { timestamp: header(request, 'x-slack-request-timestamp'), signature: header(request, 'x-slack-signature'), rawBody },
    { signingSecret: options.signingSecret, now: options.now?.() },
  );
  return rawBody;
}

function parseJson(raw: string, what: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new ValidationError(`${what} is not valid JSON`);
  }
}

/** Runs the turn after the webhook has answered (Slack retries anything not answered within 3 s). */
function startTurn(inbound: SlackInbound, options: SlackRoutesOptions, background: BackgroundWork): void {
  if (inbound.kind === 'ignore') {
    options.logger.debug({ reason: inbound.reason }, 'slack delivery ignored');
    return;
  }
  const replier = createSlackReplier({
    client: options.client, destination: inbound.destination, logger: options.logger, streamIntervalMs: options.streamIntervalMs,
  });
  background.run('slack turn', () => options.turns.run(inbound.activity, replier));
}

function eventsHandler(options: SlackRoutesOptions, background: BackgroundWork) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const body = parseJson(verified(request, options), 'the body');
    const { type } = parseWith(slackTypedSchema, body);
    if (type === 'url_verification') return reply.send({ challenge: parseWith(urlVerificationSchema, body).challenge });
    if (type !== 'event_callback') return reply.send({});
    const envelope = parseWith(eventCallbackSchema, body);
    const retry = header(request, 'x-slack-retry-num');
    // A retry of an event already being handled is dropped by the pipeline's dedup on event_id; a retry
    // of one whose turn failed is handled again.
    if (retry) options.logger.debug({ eventId: envelope.event_id, retry, reason: header(request, 'x-slack-retry-reason') }, 'slack retry');
    startTurn(parseSlackEvent(envelope), options, background);
    return reply.send({});
  };
}

function interactionsHandler(options: SlackRoutesOptions, background: BackgroundWork) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const form = new URLSearchParams(verified(request, options));
    const payload = form.get('payload');
    if (payload === null) throw new ValidationError("the form has no 'payload' field");
    const value = parseJson(payload, "the 'payload' field");
    if (parseWith(slackTypedSchema, value).type === 'block_actions') {
      startTurn(parseSlackBlockActions(parseWith(blockActionsSchema, value)), options, background);
    }
    return reply.send();
  };
}

/**
 * `POST /webhooks/slack/events` and `POST /webhooks/slack/interactions`: verify Slack's signing secret
 * (v0 HMAC of the raw body, 5-minute replay window; 401 with the error JSON otherwise), answer the
 * url_verification challenge, and run turns after answering. The routes live in their own plugin scope,
 * where bodies are kept raw for the signature check.
 */
export function registerSlackRoutes(app: FastifyInstance, options: SlackRoutesOptions): void {
  const background = options.background ?? new BackgroundWork(options.logger);
  // preClose runs before the composition root's onClose closes the stores the running turns still use.
  app.addHook('preClose', () => background.idle());
  void app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    const keepRaw = (_request: FastifyRequest, body: string, done: (error: null, body: string) => void) => done(null, body);
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, keepRaw);
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, keepRaw);
    scope.post(SLACK_EVENTS_PATH, eventsHandler(options, background));
    scope.post(SLACK_INTERACTIONS_PATH, interactionsHandler(options, background));
  });
}
