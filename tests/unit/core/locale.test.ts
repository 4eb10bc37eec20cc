import { describe, expect, it } from 'vitest';
import { localeFromTag, localeFromText, resolveLocale } from '../../../core/locale.ts';

describe('locale resolution', () => {
  it('prefers the shopper setting, then the channel language, then the text', () => {
    expect(resolveLocale({ preferred: 'en', channelLanguage: 'ru', text: 'привет' })).toBe('en');
    expect(resolveLocale({ channelLanguage: 'en-US', text: 'привет' })).toBe('en');
    expect(resolveLocale({ text: 'привет' })).toBe('ru');
    expect(resolveLocale({ text: 'hello' })).toBe('en');
    expect(resolveLocale({ text: '👍' })).toBe('ru');
  });

  it('maps language tags and scripts', () => {
    expect(localeFromTag('ru-RU')).toBe('ru');
    expect(localeFromTag('de')).toBeUndefined();
    expect(localeFromText('купи milk')).toBe('ru');
    expect(localeFromText('123')).toBeUndefined();
  });
});
