import { createHmac } from 'node:crypto';
import { UnauthorizedError } from '../../../core/errors.ts';
import { secretsEqual } from '../../http/secret-compare.ts';

/** What a Slack request is checked with. */
export interface SlackSignedRequest {
  /** `X-Slack-Request-Timestamp`: seconds since the epoch when Slack sent the request. */
  timestamp: string | undefined;
  /** `X-Slack-Signature`: `v0=` and the hex HMAC-SHA256 of `v0:<timestamp>:<body>`. */
  signature: string | undefined;
  /** The body exactly as received. */
  rawBody: string;
}

/** Options for {@link verifySlackSignature}. */
export interface SlackSignatureOptions {
  signingSecret: string;
  /** How old a request may be before it counts as a replay (default 300 s, Slack's recommendation). */
  toleranceSeconds?: number;
  /** The clock in milliseconds, replaceable in tests. */
  now?: number;
}

/** The `v0` signature of a body, as Slack computes it. */
export function slackSignature(signingSecret: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/**
 * Checks Slack's signing-secret signature (v0) and that the request is recent, so a captured request
 * cannot be replayed later. Throws an UnauthorizedError (401) otherwise.
 */
export function verifySlackSignature(request: SlackSignedRequest, options: SlackSignatureOptions): void {
  const { timestamp, signature, rawBody } = request;
  if (!timestamp || !signature) throw new UnauthorizedError('missing X-Slack-Signature or X-Slack-Request-Timestamp');
  if (!/^\d{1,12}$/.test(timestamp)) throw new UnauthorizedError('malformed X-Slack-Request-Timestamp');
  const ageSeconds = Math.abs((options.now ?? Date.now()) / 1000 - Number(timestamp));
  if (ageSeconds > (options.toleranceSeconds ?? 300)) throw new UnauthorizedError('stale Slack request (timestamp outside the replay window)');
  if (!secretsEqual(signature, slackSignature(options.signingSecret, timestamp, rawBody))) {
    throw new UnauthorizedError('wrong Slack signature');
  }
}
