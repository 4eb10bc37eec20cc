import { describe, expect, it } from 'vitest';
import type { ChannelName, Locale } from '../../../core/activity.ts';
import { consentOf } from '../../../core/pipeline/consent-middleware.ts';
import { preferredLocaleOf } from '../../../core/pipeline/locale-middleware.ts';
import { turnOutcome } from '../../../core/pipeline/turn-outcome.ts';
import { message, pipelineBot, texts } from './pipeline-harness.ts';

describe('identity, consent and locale hooks', () => {
  it('resolves the shopper from the channel user and shares it with the handler', async () => {
    const links = new Map([['telegram:555', 'shopper-9']]);
    const { bot, turns } = pipelineBot({
      resolveShopper: async (channel: ChannelName, channelUserId: string) => links.get(`${channel}:${channelUserId}`),
    });
    await bot.handle(message('hi', { channel: 'telegram', user: { channelUserId: '555' } }));
    await bot.handle(message('hi', { channel: 'telegram', user: { channelUserId: '777' }, conversationId: 'c2' }));
    expect(turns.map((t) => t.shopperId)).toEqual(['shopper-9', undefined]);
  });

  it('keeps a shopper id the channel authenticated, without a lookup', async () => {
    const calls: string[] = [];
    const { bot, turns } = pipelineBot({
      resolveShopper: async (_channel, id) => {
        calls.push(id);
        return 'someone-else';
      },
    });
    await bot.handle(message('hi', { channel: 'inapp', user: { channelUserId: 'jwt-sub', shopperId: 'jwt-sub' } }));
    expect(turns[0]?.shopperId).toBe('jwt-sub');
    expect(calls).toEqual([]);
  });

  it('looks consent up per purpose; an anonymous shopper consented to nothing', async () => {
    const granted = new Set(['shopper-1:personalization']);
    const { bot, turns } = pipelineBot({
      hasConsent: async (shopperId, purpose) => granted.has(`${shopperId}:${purpose}`),
      consent: { purposes: ['personalization', 'marketing'] },
    });
    await bot.handle(message('hi', { user: { channelUserId: 'u', shopperId: 'shopper-1' } }));
    await bot.handle(message('hi', { user: { channelUserId: 'anon' }, conversationId: 'c2' }));
    expect(Object.fromEntries(consentOf(turns[0]!.context))).toEqual({ personalization: true, marketing: false });
    expect(Object.fromEntries(consentOf(turns[1]!.context))).toEqual({ personalization: false, marketing: false });
  });

  it('stops the turn through onMissing when a required consent is missing', async () => {
    const { bot, turns } = pipelineBot({
      hasConsent: async () => false,
      consent: {
        required: ['assistant'],
        onMissing: async (context, missing) => context.reply(context.t('consent:ask', { missing: missing.join(',') })),
      },
    });
    const activity = message('привет', { user: { channelUserId: 'u', shopperId: 's' } });
    expect(texts(await bot.handle(activity))).toEqual(['ru|consent:ask|{"missing":"assistant"}']);
    expect(turnOutcome(activity)).toEqual({ kind: 'stopped', reason: 'consent_required:assistant' });
    expect(turns).toHaveLength(0);
  });

  it('applies the shopper\'s saved language over the language of the text', async () => {
    const saved = new Map<string, Locale>([['shopper-en', 'en']]);
    const { bot, turns } = pipelineBot({ preferredLocale: async (id) => saved.get(id) });
    await bot.handle(message('привет', { user: { channelUserId: 'u', shopperId: 'shopper-en' } }));
    await bot.handle(message('привет', { user: { channelUserId: 'v', shopperId: 'shopper-ru' }, conversationId: 'c2' }));
    expect(turns.map((t) => t.locale)).toEqual(['en', 'ru']);
    expect(turns.map((t) => preferredLocaleOf(t.context))).toEqual(['en', undefined]);
  });

  it('runs the steps in DESIGN order: dedup, rate limit, identity, consent, locale, lock', async () => {
    const order: string[] = [];
    const { bot } = pipelineBot({
      rateLimit: { limit: 1 },
      resolveShopper: async () => {
        order.push('identity');
        return 'shopper-1';
      },
      hasConsent: async () => {
        order.push('consent');
        return true;
      },
      preferredLocale: async () => {
        order.push('locale');
        return undefined;
      },
      during: async () => {
        order.push('handler');
      },
    });
    const first = message('one', { id: 'same' });
    await bot.handle(first);
    await bot.handle({ ...first }); // a duplicate stops at dedup: no hook runs
    await bot.handle(message('two')); // over the limit: stops before identity
    expect(order).toEqual(['identity', 'consent', 'locale', 'handler']);
  });
});
