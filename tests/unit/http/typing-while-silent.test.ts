import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { typingWhileSilent, type ReplierHooks } from '../../../adapters/http/typing-while-silent.ts';

/** A replier that records what the turn made it do, in order. */
function recordingReplier(): { hooks: ReplierHooks; seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    hooks: {
      onTyping: () => void seen.push('typing'),
      onDelta: (text) => void seen.push(`delta ${text}`),
      onReply: (reply) => void seen.push(`reply ${reply.type === 'typing' ? '' : reply.text}`),
    },
  };
}

describe('typingWhileSilent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows nothing for a turn that answers within the delay', async () => {
    const { hooks, seen } = recordingReplier();
    const typing = typingWhileSilent(hooks, { delayMs: 1_000, refreshMs: 4_000 });
    await vi.advanceTimersByTimeAsync(900);
    await typing.hooks.onReply({ type: 'text', text: 'quick' });
    await vi.advanceTimersByTimeAsync(10_000);
    typing.stop();
    expect(seen).toEqual(['reply quick']);
  });

  it('shows typing after the delay, renews it while the turn is silent, and stops at the first reply', async () => {
    const { hooks, seen } = recordingReplier();
    const typing = typingWhileSilent(hooks, { delayMs: 1_000, refreshMs: 4_000 });
    await vi.advanceTimersByTimeAsync(9_500);
    await typing.hooks.onReply({ type: 'text', text: 'slow' });
    await typing.hooks.onReply({ type: 'text', text: 'and more' });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(seen).toEqual(['typing', 'typing', 'typing', 'reply slow', 'reply and more']);
  });

  it('sends an answer only after the indicator call in flight, so the indicator never lands under the answer', async () => {
    const order: string[] = [];
    let release: () => void = () => {};
    const typing = typingWhileSilent({
      onTyping: () => new Promise<void>((resolve) => {
        order.push('typing sent');
        release = () => {
          order.push('typing done');
          resolve();
        };
      }),
      onDelta: () => undefined,
      onReply: () => void order.push('reply'),
    }, { delayMs: 1_000, refreshMs: 4_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    const replied = typing.hooks.onReply({ type: 'text', text: 'now' });
    await vi.advanceTimersByTimeAsync(50);
    expect(order).toEqual(['typing sent']);
    release();
    await replied;
    expect(order).toEqual(['typing sent', 'typing done', 'reply']);
  });

  it('stops at the first streamed chunk, and when the turn ends without a word', async () => {
    const streamed = recordingReplier();
    const typing = typingWhileSilent(streamed.hooks, { delayMs: 1_000, refreshMs: 4_000 });
    await vi.advanceTimersByTimeAsync(1_500);
    await typing.hooks.onDelta('Milk ');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(streamed.seen).toEqual(['typing', 'delta Milk ']);

    const silent = recordingReplier();
    const ended = typingWhileSilent(silent.hooks, { delayMs: 1_000, refreshMs: 4_000 });
    await vi.advanceTimersByTimeAsync(1_500);
    ended.stop();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(silent.seen).toEqual(['typing']);
  });
});
