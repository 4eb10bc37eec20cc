import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorShape, startTestServer } from '../http/test-server.ts';
import { channelTestHandler, fixture, seenActivities } from './channel-test-handler.ts';
import { startFakeApi, type FakeApiServer, type RecordedCall } from './fake-api-server.ts';

const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const BOT_TOKEN = 'xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy';

type Block = { type: string; block_id?: string; text?: { text: string }; fields?: { text: string }[]; elements?: { value: string; text: { text: string }; action_id: string }[] };

/** Signs like Slack: v0 HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret. */
function signed(body: string, options: { secret?: string; timestamp?: number } = {}): Record<string, string> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', options.secret ?? SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': `v0=${signature}` };
}

const blocksOf = (call: RecordedCall): Block[] => JSON.parse(String(call.body.blocks)) as Block[];
const posts = (calls: RecordedCall[]) => calls.filter((c) => c.path === '/api/chat.postMessage');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Slack webhooks', () => {
  let slack: FakeApiServer;
  let app: FastifyInstance;
  let ts = 1;

  beforeAll(async () => {
    slack = await startFakeApi((call) => {
      if (call.headers.authorization !== `Bearer ${BOT_TOKEN}`) return { body: { ok: false, error: 'invalid_auth' } };
      if (call.body.channel === 'CFAIL') return { body: { ok: false, error: 'channel_not_found' } };
      // Slack's answer when it cannot download a block's picture (recorded): the whole message is refused.
      if (call.path === '/api/chat.postMessage' && String(call.body.blocks ?? '').includes('img.example')) {
        const pointer = '[json-pointer:/blocks/0/accessory/image_url]';
        return { body: { ok: false, error: 'invalid_blocks', errors: [`downloading image failed ${pointer}`], response_metadata: { messages: [`[ERROR] downloading image failed ${pointer}`] } } };
      }
      if (call.path === '/api/chat.postMessage' && call.body.channel === 'DBADBLOCKS' && call.body.blocks) return { body: { ok: false, error: 'invalid_blocks' } };
      if (call.path === '/api/chat.postMessage') return { body: { ok: true, channel: call.body.channel, ts: `1767300000.${String(ts++).padStart(6, '0')}` } };
      if (call.path === '/api/chat.update') return { body: { ok: true, channel: call.body.channel, ts: call.body.ts } };
      return { body: { ok: false, error: 'unknown_method' } };
    });
    app = await startTestServer({
      env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${slack.url}/api` },
      handler: () => channelTestHandler,
    });
  });
  afterAll(async () => {
    await app.close();
    await slack.close();
  });
  beforeEach(() => {
    slack.calls.length = 0;
    seenActivities.length = 0;
  });

  const postEvent = (body: unknown, headers: Record<string, string> = {}) => {
    const raw = JSON.stringify(body);
    return app.inject({ method: 'POST', url: '/webhooks/slack/events', payload: raw, headers: { 'content-type': 'application/json', ...signed(raw), ...headers } });
  };
  const postInteraction = (payload: unknown, headers: Record<string, string> = {}) => {
    const raw = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return app.inject({
      method: 'POST', url: '/webhooks/slack/interactions', payload: raw,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signed(raw), ...headers },
    });
  };
  let eventNo = 0;
  const dm = (text: string, channel = 'D0PNCRP9N') => {
    const event = fixture<{ event_id: string; event: { text: string; channel: string } }>('slack/event-message-im.json');
    event.event_id = `EvTEST${eventNo++}`;
    event.event.text = text;
    event.event.channel = channel;
    return event;
  };

  it('answers the url_verification challenge', async () => {
    const response = await postEvent(fixture('slack/url-verification.json'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('answers 401 with the error JSON to unsigned, wrongly signed, expired or replayed requests', async () => {
    const raw = JSON.stringify(dm('hi'));
    const now = Math.floor(Date.now() / 1000);
    const attempts: Record<string, string>[] = [
      {},
      signed(raw, { secret: 'not-the-secret' }),
      signed(raw, { timestamp: now - 6 * 60 }),
      signed(raw, { timestamp: now + 6 * 60 }),
      { ...signed(raw), 'x-slack-request-timestamp': 'yesterday' },
      { ...signed(raw), 'x-slack-signature': 'v0=deadbeef' },
      signed(`${raw} `),
    ];
    for (const headers of attempts) {
      for (const url of ['/webhooks/slack/events', '/webhooks/slack/interactions']) {
        const response = await app.inject({ method: 'POST', url, payload: raw, headers: { 'content-type': 'application/json', ...headers } });
        expect(response.statusCode, JSON.stringify(headers)).toBe(401);
        expect(response.json()).toMatchObject(errorShape);
      }
    }
    await sleep(50);
    expect(slack.calls).toEqual([]);
  });

  it('turns a direct message into an activity and answers with chat.postMessage blocks and buttons', async () => {
    const response = await postEvent(fixture('slack/event-message-im.json'));
    expect(response.statusCode).toBe(200);
    const [post] = await slack.waitFor((calls) => posts(calls).length === 1);
    expect(seenActivities[0]).toMatchObject({
      id: 'Ev0PV52K25', type: 'message', channel: 'slack', conversationId: 'D0PNCRP9N', text: 'hello & good morning',
      user: { channelUserId: 'T061EG9R6:U061F7AUR' },
    });
    expect(post?.body).toMatchObject({ channel: 'D0PNCRP9N', text: 'echo: hello & good morning' });
    expect(post?.body.thread_ts).toBeUndefined();
    const blocks = blocksOf(post!);
    expect(blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'echo: hello &amp; good morning' } });
    expect(blocks[1]).toMatchObject({ type: 'actions', block_id: 'quick-replies' });
    expect(blocks[1]?.elements?.map((e) => [e.text.text, e.value])).toEqual([['Help', 'intent:help'], ['Deals', 'intent:deals']]);
  });

  it('does not answer a retried event twice', async () => {
    const event = dm('only once');
    expect((await postEvent(event)).statusCode).toBe(200);
    expect((await postEvent(event, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).statusCode).toBe(200);
    await slack.waitFor((calls) => posts(calls).length >= 1);
    expect((await postEvent(event, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' })).statusCode).toBe(200);
    await sleep(150);
    expect(posts(slack.calls)).toHaveLength(1);
    expect(seenActivities).toHaveLength(1);
  });

  it('answers a mention in a channel in its thread, without the mention markup', async () => {
    await postEvent(fixture('slack/event-app-mention.json'));
    const [post] = await slack.waitFor((calls) => posts(calls).length === 1);
    expect(seenActivities[0]).toMatchObject({ text: 'what should I buy for breakfast?', conversationId: 'C0LAN2Q65:1767225700.000300' });
    expect(post?.body).toMatchObject({ channel: 'C0LAN2Q65', thread_ts: '1767225700.000300' });
  });

  it.each(['event-message-changed', 'event-bot-message'])('ignores %s', async (name) => {
    expect((await postEvent(fixture(`slack/${name}.json`))).statusCode).toBe(200);
    await sleep(50);
    expect(seenActivities).toEqual([]);
    expect(slack.calls).toEqual([]);
  });

  it('ignores event types it does not handle', async () => {
    const event = { ...dm('x'), event: { type: 'reaction_added', user: 'U061F7AUR', reaction: 'thumbsup', item: { type: 'message', channel: 'C1', ts: '1.2' } } };
    expect((await postEvent(event)).statusCode).toBe(200);
    expect((await postEvent({ type: 'app_rate_limited', minute_rate_limited: 1518467820 })).statusCode).toBe(200);
    await sleep(50);
    expect(seenActivities).toEqual([]);
  });

  it('renders cards as sections with price and service fields and each card\'s buttons', async () => {
    await postEvent(dm('cards'));
    const [post] = await slack.waitFor((calls) => posts(calls).length === 1);
    const blocks = blocksOf(post!);
    expect(blocks.map((b) => b.type)).toEqual(['section', 'section', 'actions', 'divider', 'section', 'actions', 'divider', 'section', 'actions', 'actions']);
    expect(blocks[1]).toMatchObject({ block_id: 'card-1', text: { text: '*1. Product 1*\nYou bought it 1 times' } });
    expect(blocks[1]?.fields?.map((f) => f.text)).toEqual(['*1\u00a0001\u00a0₽*', 'Samokat']);
    const actionIds = blocks.flatMap((b) => b.elements ?? []).map((e) => e.action_id);
    expect(new Set(actionIds).size).toBe(actionIds.length);
    expect(String(post?.body.text)).toContain('1. Product 1 — 1\u00a0001\u00a0₽ · Samokat');
  });

  it('posts cards again without their pictures when Slack cannot download one (invalid_blocks), keeping the buttons', async () => {
    await postEvent(dm('photos'));
    const [refused, posted] = await slack.waitFor((calls) => posts(calls).length === 2);
    expect(blocksOf(refused!)[0]).toMatchObject({ accessory: { type: 'image', image_url: 'https://img.example/1.jpg' } });
    const blocks = blocksOf(posted!);
    expect(blocks.filter((b) => 'accessory' in b)).toEqual([]);
    expect(blocks.map((b) => b.type)).toEqual(['section', 'actions', 'divider', 'section', 'actions', 'actions']);
    expect(blocks[0]).toMatchObject({ block_id: 'card-1', text: { text: '*1. Product 1*\nYou bought it 1 times' } });
    expect(blocks.at(-1)?.elements?.map((e) => e.value)).toEqual(['intent:help', 'intent:deals']);
  });

  it('posts the plain text of a message whose blocks Slack refuses', async () => {
    await postEvent(dm('cards', 'DBADBLOCKS'));
    const sent = await slack.waitFor((calls) => posts(calls).length === 2);
    expect(sent[1]?.body.blocks).toBeUndefined();
    expect(String(sent[1]?.body.text)).toBe(String(sent[0]?.body.text));
    expect(String(sent[1]?.body.text)).toContain('1. Product 1 — 1\u00a0001\u00a0₽ · Samokat');
  });

  it('posts a streamed answer at its first chunk and updates it to the final text with buttons', async () => {
    await postEvent(dm('stream'));
    await slack.waitFor((calls) => calls.some((c) => c.path === '/api/chat.update' && c.body.text === 'Milk is in aisle five.'));
    expect(posts(slack.calls)).toHaveLength(1);
    const final = slack.calls.at(-1)!;
    // The update addresses the message the first chunk posted (the fake's first ts of this test).
    expect(final.body).toMatchObject({ channel: 'D0PNCRP9N', ts: expect.stringMatching(/^1767300000\.\d{6}$/) });
    expect(posts(slack.calls)[0]?.body.text).toBe('Milk ');
    expect(blocksOf(final).at(-1)).toMatchObject({ type: 'actions', block_id: 'quick-replies' });
  });

  it('turns a button press (block_actions) into an action in the same conversation', async () => {
    const response = await postInteraction(fixture('slack/block-actions.json'));
    expect(response.statusCode).toBe(200);
    const [post] = await slack.waitFor((calls) => posts(calls).length === 1);
    expect(seenActivities[0]).toMatchObject({ type: 'action', payload: 'intent:help', text: 'Help', conversationId: 'D0PNCRP9N', user: { name: 'anna' } });
    expect(post?.body).toMatchObject({ channel: 'D0PNCRP9N', text: 'pressed intent:help' });
  });

  it('keeps answering 200 when the Web API refuses a call', async () => {
    expect((await postEvent(dm('hello', 'CFAIL'))).statusCode).toBe(200);
    await slack.waitFor((calls) => posts(calls).length === 1);
    expect((await postEvent(dm('hello again'))).statusCode).toBe(200);
    await slack.waitFor((calls) => posts(calls).length === 2);
  });

  it('finishes turns still running when the server shuts down', async () => {
    const other = await startTestServer({
      env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${slack.url}/api` },
      handler: () => channelTestHandler,
    });
    const raw = JSON.stringify(dm('slow'));
    const response = await other.inject({ method: 'POST', url: '/webhooks/slack/events', payload: raw, headers: { 'content-type': 'application/json', ...signed(raw) } });
    expect(response.statusCode).toBe(200);
    expect(posts(slack.calls)).toEqual([]);
    await other.close();
    expect(posts(slack.calls).map((c) => c.body.text)).toEqual(['done slowly']);
  });

  it('answers malformed signed bodies with 4xx and the error JSON', async () => {
    const cases: { url: string; type: string; raw: string }[] = [
      { url: '/webhooks/slack/events', type: 'application/json', raw: '{"type":' },
      { url: '/webhooks/slack/events', type: 'application/json', raw: '[1,2]' },
      { url: '/webhooks/slack/events', type: 'application/json', raw: '{"type":"event_callback"}' },
      { url: '/webhooks/slack/events', type: 'application/json', raw: '{"type":"url_verification"}' },
      { url: '/webhooks/slack/interactions', type: 'application/x-www-form-urlencoded', raw: 'nothing=here' },
      { url: '/webhooks/slack/interactions', type: 'application/x-www-form-urlencoded', raw: 'payload=%7Bnot-json' },
      { url: '/webhooks/slack/interactions', type: 'application/x-www-form-urlencoded', raw: `payload=${encodeURIComponent('{"type":"block_actions"}')}` },
    ];
    for (const { url, type, raw } of cases) {
      const response = await app.inject({ method: 'POST', url, payload: raw, headers: { 'content-type': type, ...signed(raw) } });
      expect(response.statusCode, raw).toBe(400);
      expect(response.json()).toMatchObject(errorShape);
    }
    const plain = await app.inject({ method: 'POST', url: '/webhooks/slack/events', payload: 'hi', headers: { 'content-type': 'text/plain', ...signed('hi') } });
    expect(plain.statusCode).toBe(415);
  });

  it('never answers 500 to anything a client sends, signed or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), fc.boolean(), async (body, sign, asForm) => {
        const raw = asForm ? new URLSearchParams({ payload: JSON.stringify(body) }).toString() : JSON.stringify(body);
        const response = await app.inject({
          method: 'POST', url: asForm ? '/webhooks/slack/interactions' : '/webhooks/slack/events', payload: raw,
          headers: { 'content-type': asForm ? 'application/x-www-form-urlencoded' : 'application/json', ...(sign ? signed(raw) : {}) },
        });
        expect(response.statusCode).toBeLessThan(500);
        if (!sign) expect(response.statusCode).toBe(401);
      }),
      { numRuns: 60 },
    );
  });
});
