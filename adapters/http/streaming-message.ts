/** Where a streamed answer is shown: a message that is posted once and then edited. */
export interface StreamTarget<H> {
  /** Posts the first text; resolves with the handle that edits address (a message id, a `ts`). */
  create(text: string): Promise<H>;
  /** Replaces the message's text. */
  update(handle: H, text: string): Promise<void>;
}

/** Options for {@link StreamingMessage}. */
export interface StreamingMessageOptions<H> {
  target: StreamTarget<H>;
  /** The least time between two edits; messengers rate-limit edits (Telegram about one a second per chat). */
  intervalMs: number;
  /** The longest text one message can hold; the live preview stops growing past it. */
  maxLength: number;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

/**
 * Shows a streamed answer as it grows: the first chunk posts a message, later chunks edit it at most once
 * per interval (edits in between are skipped, not queued, so a fast model never floods the channel).
 * The caller renders the final text with its buttons through {@link StreamingMessage.handle}.
 */
export class StreamingMessage<H> {
  readonly #options: StreamingMessageOptions<H>;
  readonly #now: () => number;
  #text = '';
  #shown = '';
  #handle: H | undefined;
  #lastEdit = 0;

  constructor(options: StreamingMessageOptions<H>) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** The posted message, once the first non-blank chunk arrived. */
  get handle(): H | undefined {
    return this.#handle;
  }

  /** Whether any chunk arrived. */
  get started(): boolean {
    return this.#text !== '';
  }

  /** Appends a chunk and shows the text so far when the interval allows. */
  async push(delta: string): Promise<void> {
    this.#text += delta;
    const preview = this.#text.slice(0, this.#options.maxLength);
    if (preview.trim() === '' || preview === this.#shown) return;
    if (this.#handle === undefined) {
      this.#handle = await this.#options.target.create(preview);
      this.#shown = preview;
      this.#lastEdit = this.#now();
      return;
    }
    if (this.#now() - this.#lastEdit < this.#options.intervalMs) return;
    this.#lastEdit = this.#now();
    this.#shown = preview;
    await this.#options.target.update(this.#handle, preview);
  }
}
