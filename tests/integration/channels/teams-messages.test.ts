import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBotFrameworkAuth } from '../../../adapters/channels/teams/bot-framework-auth.ts';
import { errorShape, startTestServer } from '../http/test-server.ts';
import { channelTestHandler, fixture, MENU_REPLIES, seenActivities } from './channel-test-handler.ts';
import { startFakeApi, type FakeApiServer, type RecordedCall } from './fake-api-server.ts';

const APP_ID = 'c9e8c047-2a74-40a2-b28a-b162d5f5327c';
const APP_PASSWORD = 'bot-app-password-0123456789';
const ISSUER = 'https://api.botframework.com';

type Incoming = Record<string, unknown> & { id?: string; serviceUrl: string; text?: string; conversation: { id: string } };
type Outgoing = Record<string, unknown> & {
  type: string; text?: string; replyToId?: string; attachmentLayout?: string;
  attachments?: { contentType: string; content: { title: string; subtitle: string; text?: string; buttons: { type: string; title: string; value: { payload: string } }[] } }[];
  suggestedActions?: { to: string[]; actions: { type: string; title: string; displayText: string; value: { payload: string } }[] };
};

describe('Bot Framework / Teams messaging endpoint', () => {
  let connector: FakeApiServer;
  let app: FastifyInstance;
  let key: CryptoKey;
  let strangerKey: CryptoKey;
  /** Every token request of this file (the cache makes them rare, so they are kept apart from `calls`). */
  const tokenRequests: RecordedCall[] = [];

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    ({ privateKey: strangerKey } = await generateKeyPair('RS256'));
    const unrelated = await generateKeyPair('RS256');
    // The JWKS holds the real key's public half (and an unrelated key, as Microsoft's holds several).
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'local-1', use: 'sig', alg: 'RS256' };
    const other: JWK = { ...(await exportJWK(unrelated.publicKey)), kid: 'local-2', use: 'sig', alg: 'RS256' };
    let replies = 0;
    connector = await startFakeApi((call) => {
      if (call.path === '/token') tokenRequests.push(call);
      if (call.path === '/openid') return { body: { issuer: ISSUER, jwks_uri: `${connector.url}/keys`, id_token_signing_alg_values_supported: ['RS256'] } };
      if (call.path === '/keys') return { body: { keys: [jwk, other] } };
      if (call.path === '/token') return { body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'app-token-1' } };
      if (call.path.includes('fail')) return { status: 503, body: { error: { code: 'ServiceUnavailable', message: 'down' } } };
      // Teams' throttling answer: conversation "throttled-once" is limited for its first post, "throttled-long" for minutes.
      const throttled = (seconds: number) => ({ status: 429, headers: { 'retry-after': String(seconds) }, body: { error: { code: 'TooManyRequests', message: 'Too many requests' } } });
      if (call.path.includes('throttled-once') && connector.calls.filter((c) => c.path.includes('throttled-once')).length === 1) return throttled(1);
      if (call.path.includes('throttled-long')) return throttled(120);
      if (call.path.startsWith('/v3/conversations/')) return { status: 201, body: { id: `reply-${replies++}` } };
      return { status: 404, body: {} };
    });
    app = await startTestServer({
      env: {
        MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: APP_PASSWORD,
        TEAMS_OPENID_METADATA_URL: `${connector.url}/openid`, TEAMS_TOKEN_URL: `${connector.url}/token`,
      },
      handler: () => channelTestHandler,
    });
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });
  beforeEach(() => {
    seenActivities.length = 0;
    connector.calls.length = 0;
  });

  /** A Connector token as Bot Framework signs it, with overridable claims and key. */
  const token = (claims: Record<string, unknown> = {}, options: { key?: CryptoKey; kid?: string; exp?: string | number; aud?: string; iss?: string } = {}) =>
    new SignJWT({ serviceurl: connector.url, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'local-1', typ: 'JWT' })
      .setIssuer(options.iss ?? ISSUER)
      .setAudience(options.aud ?? APP_ID)
      .setIssuedAt()
      .setExpirationTime(options.exp ?? '10m')
      .sign(options.key ?? key);

  let n = 0;
  const incoming = (name: string, changes: Partial<Incoming> = {}): Incoming => {
    const activity = fixture<Incoming>(`teams/${name}.json`);
    return { ...activity, serviceUrl: connector.url, ...(activity.id ? { id: `${activity.id}-${n++}` } : {}), ...changes };
  };
  const post = async (body: unknown, authorization?: string) =>
    app.inject({ method: 'POST', url: '/api/messages', payload: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: authorization ?? `Bearer ${await token()}` } });
  const sent = (calls: RecordedCall[]): Outgoing[] => calls.filter((c) => c.path.endsWith('/activities')).map((c) => c.body as Outgoing);

  it('answers 401 with the error JSON to a missing, forged, expired or misdirected token', async () => {
    const body = incoming('message');
    const bad = [
      '', 'Bearer', 'Bearer not.a.jwt', `Basic ${Buffer.from('a:b').toString('base64')}`,
      `Bearer ${await token({}, { key: strangerKey })}`,
      `Bearer ${await token({}, { key: strangerKey, kid: 'unknown-kid' })}`,
      `Bearer ${await token({}, { aud: 'another-bot' })}`,
      `Bearer ${await token({}, { iss: 'https://evil.example' })}`,
      `Bearer ${await token({}, { exp: Math.floor(Date.now() / 1000) - 3600 })}`,
      `Bearer ${await token({ serviceurl: 'https://evil.example/' })}`,
      `Bearer ${await token({ serviceurl: undefined })}`,
    ];
    for (const authorization of bad) {
      const response = await post(body, authorization);
      expect(response.statusCode, authorization).toBe(401);
      expect(response.json()).toMatchObject(errorShape);
    }
    expect(sent(connector.calls)).toEqual([]);
    expect(seenActivities).toEqual([]);
  });

  it('turns a message into an activity and replies through the Connector, quick replies as messageBack card buttons', async () => {
    const body = incoming('message');
    const response = await post(body);
    expect(response.statusCode).toBe(200);
    expect(seenActivities[0]).toMatchObject({
      id: body.id, type: 'message', channel: 'teams', text: 'Hello there', conversationId: 'a:1pL6i0oY3C0K8oAj8L7k3XDE7hUrUbF6Zm',
      user: { channelUserId: expect.stringMatching(/^29:/), name: 'Anna Kuznetsova', channelLanguage: 'en-US' },
    });
    const call = connector.calls.find((c) => c.path.endsWith('/activities'))!;
    expect(call.path).toBe(`/v3/conversations/${encodeURIComponent('a:1pL6i0oY3C0K8oAj8L7k3XDE7hUrUbF6Zm')}/activities`);
    expect(call.headers.authorization).toBe('Bearer app-token-1');
    const reply = call.body as Outgoing;
    expect(reply).toMatchObject({
      type: 'message', text: 'echo: Hello there', replyToId: body.id,
      from: { id: `28:${APP_ID}` }, recipient: { name: 'Anna Kuznetsova' }, conversation: { id: 'a:1pL6i0oY3C0K8oAj8L7k3XDE7hUrUbF6Zm' },
    });
    // Teams' suggested actions take only imBack (our payload would be posted as the shopper's words): a card instead.
    expect(reply.suggestedActions).toBeUndefined();
    expect(reply.attachments).toHaveLength(1);
    expect(reply.attachments![0]!.contentType).toBe('application/vnd.microsoft.card.hero');
    expect(reply.attachments![0]!.content.buttons).toEqual([
      { type: 'messageBack', title: 'Help', text: 'Help', displayText: 'Help', value: { payload: 'intent:help' } },
      { type: 'messageBack', title: 'Deals', text: 'Deals', displayText: 'Deals', value: { payload: 'intent:deals' } },
    ]);
  });

  it('offers quick replies as messageBack suggested actions on other Bot Framework channels (Web Chat)', async () => {
    const body = incoming('message', { channelId: 'webchat' } as Partial<Incoming>);
    expect((await post(body)).statusCode).toBe(200);
    const [reply] = sent(connector.calls);
    expect(reply).toMatchObject({ type: 'message', text: 'echo: Hello there', channelId: 'webchat' });
    expect(reply?.attachments).toBeUndefined();
    expect(reply?.suggestedActions?.to).toEqual([(body.from as { id: string }).id]);
    expect(reply?.suggestedActions?.actions).toEqual([
      { type: 'messageBack', title: 'Help', text: 'Help', displayText: 'Help', value: { payload: 'intent:help' } },
      { type: 'messageBack', title: 'Deals', text: 'Deals', displayText: 'Deals', value: { payload: 'intent:deals' } },
    ]);
  });

  it('gets the app token by client credentials once and reuses it', async () => {
    await post(incoming('message'));
    await post(incoming('message'));
    expect(sent(connector.calls)).toHaveLength(2);
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]?.body).toMatchObject({ grant_type: 'client_credentials', client_id: APP_ID, client_secret: APP_PASSWORD, scope: 'https://api.botframework.com/.default' });
  });

  it('handles a redelivered activity id once', async () => {
    const body = incoming('message');
    await post(body);
    await post(body);
    expect(sent(connector.calls)).toHaveLength(1);
  });

  it('greets on conversationUpdate with the members added and the Teams locale', async () => {
    await post(incoming('conversation-update'));
    expect(seenActivities[0]).toMatchObject({ type: 'conversationUpdate', membersAdded: [`28:${APP_ID}`, expect.stringMatching(/^29:/)], user: { channelLanguage: 'ru-RU' } });
    expect(sent(connector.calls)[0]?.text).toBe('Welcome!');
  });

  it('does not greet a team channel each time someone joins the team, but greets once when the bot is added to it', async () => {
    const joined = incoming('team-member-added');
    expect((await post(joined)).statusCode).toBe(200);
    expect(seenActivities).toEqual([]);
    expect(sent(connector.calls)).toEqual([]);

    await post(incoming('team-member-added', { id: 'f:bot-added', membersAdded: [{ id: `28:${APP_ID}` }] } as Partial<Incoming>));
    expect(seenActivities[0]).toMatchObject({ type: 'conversationUpdate', membersAdded: [`28:${APP_ID}`] });
    expect(sent(connector.calls)[0]?.text).toBe('Welcome!');
  });

  it('turns a card button (messageBack with our payload) into an action', async () => {
    await post(incoming('message-back'));
    expect(seenActivities[0]).toMatchObject({ type: 'action', payload: 'intent:add_to_cart?item=samokat%3Amilk-1&qty=1', text: 'Add' });
  });

  it('strips the bot mention of a channel message', async () => {
    await post(incoming('channel-mention'));
    expect(seenActivities[0]).toMatchObject({ type: 'message', text: 'what is good for breakfast?' });
  });

  it('renders cards as a carousel of Hero cards with messageBack buttons', async () => {
    await post(incoming('message', { text: 'cards' }));
    const [reply] = sent(connector.calls);
    expect(reply).toMatchObject({ type: 'message', text: 'Picked for you', attachmentLayout: 'carousel' });
    expect(reply?.attachments).toHaveLength(4);
    const first = reply!.attachments![0]!;
    expect(first.contentType).toBe('application/vnd.microsoft.card.hero');
    expect(first.content).toMatchObject({ title: '1. Product 1', subtitle: '1\u00a0001\u00a0₽ · Samokat', text: 'You bought it 1 times' });
    expect(first.content.buttons.map((b) => [b.type, b.title])).toEqual([['messageBack', 'Add'], ['messageBack', 'Why']]);
    expect(first.content.buttons[1]?.value).toEqual({ payload: 'intent:why_recommended?n=1' });
    // The quick replies follow the products as a last card of buttons (Teams).
    expect(reply?.suggestedActions).toBeUndefined();
    expect(reply?.attachments?.at(-1)?.content.buttons.map((b) => [b.type, b.title])).toEqual([['messageBack', 'Help'], ['messageBack', 'Deals']]);
  });

  it('shows more than three quick replies (Teams displays three suggested actions) as a Hero card of buttons', async () => {
    await post(incoming('message', { text: 'menu' }));
    const [reply] = sent(connector.calls);
    expect(reply).toMatchObject({ type: 'message', text: 'Привет! Скажите, что нужно.' });
    expect(reply?.suggestedActions).toBeUndefined();
    expect(reply?.attachments).toHaveLength(1);
    const buttons = reply!.attachments![0]!.content.buttons;
    expect(buttons.map((b) => [b.type, b.title, b.value.payload])).toEqual(MENU_REPLIES.map((r) => ['messageBack', r.title, r.payload]));

    connector.calls.length = 0;
    await post(incoming('message', { text: 'menu cards' }));
    const [withCards] = sent(connector.calls);
    expect(withCards?.attachmentLayout).toBe('carousel');
    expect(withCards?.attachments?.map((a) => a.content.title)).toEqual(['1. Product 1', '2. Product 2', undefined]);
    expect(withCards?.attachments?.at(-1)?.content.buttons.map((b) => b.title)).toEqual(MENU_REPLIES.map((r) => r.title));
    expect(withCards?.suggestedActions).toBeUndefined();
  });

  it('shows typing on its own while a turn is silent for more than a second', async () => {
    await post(incoming('message', { text: 'ponder' }));
    expect(sent(connector.calls).map((r) => [r.type, r.text])).toEqual([['typing', undefined], ['message', 'done pondering']]);
    connector.calls.length = 0;
    await post(incoming('message', { text: 'slow' }));
    expect(sent(connector.calls).map((r) => r.type)).toEqual(['message']);
  });

  it('shows typing while an answer streams and sends it whole at the end', async () => {
    await post(incoming('message', { text: 'stream' }));
    const replies = sent(connector.calls);
    expect(replies[0]?.type).toBe('typing');
    expect(replies.at(-1)).toMatchObject({ type: 'message', text: 'Milk is in aisle five.' });
    expect(replies.filter((r) => r.type === 'message')).toHaveLength(1);
  });

  it('acknowledges activities it does not handle without replying', async () => {
    const response = await post(incoming('message-reaction'));
    expect(response.statusCode).toBe(200);
    expect(seenActivities).toEqual([]);
    expect(sent(connector.calls)).toEqual([]);
  });

  it('answers 200 even when the Connector refuses the reply', async () => {
    const body = incoming('message');
    const response = await post({ ...body, conversation: { id: 'a:fail-conversation' } });
    expect(response.statusCode).toBe(200);
    expect(connector.calls.some((c) => c.path.includes('fail'))).toBe(true);
  });

  it('posts a reply again after the Retry-After of a 429, and drops (logged) one throttled for longer than worth waiting', async () => {
    const body = incoming('message');
    expect((await post({ ...body, conversation: { id: 'a:throttled-once' } })).statusCode).toBe(200);
    expect(sent(connector.calls).map((r) => r.text)).toEqual(['echo: Hello there', 'echo: Hello there']);
    connector.calls.length = 0;
    expect((await post({ ...incoming('message'), conversation: { id: 'a:throttled-long' } })).statusCode).toBe(200);
    expect(sent(connector.calls)).toHaveLength(1);
  });

  it('answers malformed activities behind a valid token with 400 and the error JSON', async () => {
    const valid = incoming('message');
    const bad: unknown[] = [{ ...valid, conversation: undefined }, { ...valid, from: 'me' }, { ...valid, type: 7 }, [valid]];
    for (const body of bad) {
      const response = await post(body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.json()).toMatchObject(errorShape);
    }
  });

  it('never answers 500 to anything a client sends', async () => {
    const authorization = `Bearer ${await token()}`;
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), async (body, withServiceUrl) => {
        const payload = withServiceUrl && typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, serviceUrl: connector.url } : body;
        const response = await post(payload, authorization);
        expect(response.statusCode).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });

  it('reports unreachable signing keys as 503, not as the caller\'s fault', async () => {
    const auth = createBotFrameworkAuth({ appId: APP_ID, openIdMetadataUrl: 'http://127.0.0.1:9/openid' });
    await expect(auth.verify(`Bearer ${await token()}`)).rejects.toMatchObject({ code: 'unavailable' });
    await expect(auth.verify(undefined)).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
