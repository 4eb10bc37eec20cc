import { SignJWT } from 'jose';
import { replySchema } from './reply-schema.ts';
import type { RunningServer } from './server-process.ts';

/** A product card as the in-app API returns it. */
export interface Card {
  itemId: string;
  service: 'samokat' | 'megamarket' | 'kuper';
  title: string;
  price: number;
  currency: 'RUB';
  reason?: string;
  /** A cart line's quantity (the cart shows lines, not suggestions); `price` is the price of one. */
  quantity?: number;
}

/** A card as a shopper reads it: a cart line says `2 × 95 ₽ = 190 ₽`, a suggestion its reason. */
const cardText = (c: Card): string =>
  [c.title, c.quantity !== undefined ? `${c.quantity} × ${c.price} ₽ = ${Math.round(c.price * c.quantity * 100) / 100} ₽` : '', c.reason ?? '']
    .filter(Boolean).join(' ');

export interface QuickReply {
  title: string;
  payload: string;
}

/** A reply of the in-app API (DESIGN.md). */
export type Reply =
  | { type: 'text'; text: string; quickReplies?: QuickReply[] }
  | { type: 'cards'; text?: string; cards: Card[]; quickReplies?: QuickReply[] }
  | { type: 'typing' };

/** A plain HTTP answer: status, headers and the parsed JSON body (or the raw text when not JSON). */
export interface HttpAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

async function answer<T>(response: Response): Promise<HttpAnswer<T>> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: body as T, text };
}

/** Talks to a running server over HTTP only. */
export class Api {
  constructor(readonly server: RunningServer) {}

  async request<T = unknown>(method: string, path: string, options: { body?: unknown; rawBody?: string; headers?: Record<string, string>; auth?: string | null } = {}): Promise<HttpAnswer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const auth = options.auth === undefined ? this.server.apiKey : options.auth;
    if (auth !== null) headers.authorization = `Bearer ${auth}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.server.baseUrl}${path}`, { method, headers, body, signal: AbortSignal.timeout(20_000) });
    return answer<T>(response);
  }

  putItems(items: unknown[], auth?: string | null) {
    return this.request<{ upserted: number }>('PUT', '/api/v1/catalog/items', { body: { items }, auth });
  }

  postEvents(events: unknown[], auth?: string | null) {
    return this.request<{ accepted: number; duplicates: number; rejected: { index: number; error: string }[] }>('POST', '/api/v1/events', { body: { events }, auth });
  }

  profile(userId: string, auth?: string | null) {
    return this.request<Record<string, unknown>>('GET', `/api/v1/users/${encodeURIComponent(userId)}/profile`, { auth });
  }

  deleteUser(userId: string, auth?: string | null) {
    return this.request('DELETE', `/api/v1/users/${encodeURIComponent(userId)}`, { auth });
  }

  /** A shopper JWT (HS256, sub = shopper id) signed with the server's secret, or another secret. */
  async token(shopperId: string, options: { secret?: string; expiresIn?: string } = {}): Promise<string> {
    const key = new TextEncoder().encode(options.secret ?? this.server.jwtSecret);
    return new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(shopperId).setIssuedAt().setExpirationTime(options.expiresIn ?? '1h').sign(key);
  }

  /** Sends one raw in-app message. */
  async message(token: string | null, body: unknown, headers: Record<string, string> = {}) {
    return this.request<{ conversationId: string; replies: Reply[] }>('POST', '/api/v1/inapp/messages', { body, auth: token, headers });
  }

  /** Opens a chat for a shopper: one conversation, carried across turns. */
  async chat(shopperId: string, locale?: 'ru' | 'en'): Promise<Chat> {
    return new Chat(this, shopperId, await this.token(shopperId), locale);
  }
}

/** One turn of a transcript: what the shopper said and what came back. */
export interface Turn {
  said: string;
  replies: Reply[];
}

/** A readable transcript over the in-app API: send, then look at what came back. */
export class Chat {
  conversationId: string | undefined;
  readonly turns: Turn[] = [];
  readonly #invariants: { label: string; holds: (card: Card) => boolean }[] = [];

  constructor(readonly api: Api, readonly shopperId: string, readonly token: string, readonly locale?: 'ru' | 'en') {}

  /** Sends text (or a quick-reply payload) and returns the replies; anything but 200 fails with the transcript. */
  async send(text: string, options: { payload?: string } = {}): Promise<Reply[]> {
    const body: Record<string, unknown> = options.payload ? { action: { payload: options.payload } } : { text };
    if (this.conversationId) body.conversationId = this.conversationId;
    if (this.locale) body.locale = this.locale;
    const res = await this.api.message(this.token, body);
    if (res.status !== 200) throw new Error(`"${text}" got HTTP ${res.status}: ${res.text}\n${this.transcript()}`);
    this.turns.push({ said: options.payload ? `[button ${options.payload}] ${text}` : text, replies: res.body.replies });
    if (typeof res.body.conversationId !== 'string' || !Array.isArray(res.body.replies) || res.body.replies.length === 0) {
      this.fail(`"${text}": expected {conversationId, replies: [...]} with at least one reply`);
    }
    this.conversationId = res.body.conversationId;
    for (const reply of res.body.replies) {
      const checked = replySchema.safeParse(reply);
      if (!checked.success) this.fail(`"${text}": a reply breaks the DESIGN.md Reply contract: ${checked.error.message}`);
      if (reply.type === 'cards' && !reply.quickReplies?.length) this.fail(`"${text}": a cards reply without quick replies`);
    }
    for (const card of this.cards()) {
      for (const rule of this.#invariants) {
        if (!rule.holds(card)) this.fail(`"${text}": card ${card.itemId} (${card.title}, ${card.price} ₽) breaks "${rule.label}"`);
      }
    }
    return res.body.replies;
  }

  /** From now on every card of every turn must satisfy `holds` (a constraint the shopper stated). */
  always(label: string, holds: (card: Card) => boolean): this {
    this.#invariants.push({ label, holds });
    return this;
  }

  /** Fails with the transcript so far. */
  fail(message: string): never {
    throw new Error(`${message}\n--- transcript (${this.shopperId}) ---\n${this.transcript()}`);
  }

  /** Presses a quick reply of the last turn by its title (the button the app would show). */
  async press(title: string | RegExp): Promise<Reply[]> {
    const buttons = this.last().flatMap((r) => ('quickReplies' in r && r.quickReplies ? r.quickReplies : []));
    const button = buttons.find((b) => (typeof title === 'string' ? b.title === title : title.test(b.title)));
    if (!button) throw new Error(`no quick reply ${String(title)} among ${JSON.stringify(buttons.map((b) => b.title))}\n${this.transcript()}`);
    return this.send(button.title, { payload: button.payload });
  }

  last(): Reply[] {
    const turn = this.turns.at(-1);
    if (!turn) throw new Error('nothing sent yet');
    return turn.replies;
  }

  /** All text of the last turn (text replies and cards' texts and reasons). */
  text(): string {
    return this.last()
      .map((r) => (r.type === 'text' ? r.text : r.type === 'cards' ? [r.text ?? '', ...r.cards.map(cardText)].join('\n') : ''))
      .join('\n');
  }

  /** The cards of the last turn (all cards replies together). */
  cards(): Card[] {
    return this.last().flatMap((r) => (r.type === 'cards' ? r.cards : []));
  }

  /** The quick-reply titles of the last turn. */
  quickReplies(): string[] {
    return this.last().flatMap((r) => ('quickReplies' in r && r.quickReplies ? r.quickReplies.map((q) => q.title) : []));
  }

  /** The transcript so far, for failure messages. */
  transcript(): string {
    return this.turns
      .map((t) => `> ${t.said}\n${t.replies.map((r) => `< ${JSON.stringify(r)}`).join('\n')}`)
      .join('\n');
  }
}
