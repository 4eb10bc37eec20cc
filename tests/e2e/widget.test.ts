import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnHandler } from '../../core/bot.ts';
import { parseConfig } from '../../bots/shopping-assistant/config.ts';
import { createServer } from '../../bots/shopping-assistant/server.ts';
import { createBasicReplies } from '../../dialogs/shopping-assistant/basic-replies.ts';

// The Debian chromium; never a downloaded browser build.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

async function listen(handler?: TurnHandler | 'production', env: Record<string, string> = {}): Promise<{ app: FastifyInstance; url: string }> {
  const config = parseConfig({ LOG_LEVEL: 'silent', PORT: '0', ...env });
  const options = handler === 'production' ? { config } : { config, handler: handler ? () => handler : createBasicReplies };
  const app = await createServer(options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/` };
}

async function openWidget(browser: Browser, url: string, locale: string, viewport = { width: 420, height: 860 }): Promise<Page> {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('body[data-ready="true"]').waitFor();
  return page;
}

async function say(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox').fill(text);
  await page.getByRole('textbox').press('Enter');
}

const botMessages = (page: Page) => page.locator('#messages .message.bot');

describe('the web chat widget in headless Chromium', { timeout: 60_000 }, () => {
  let browser: Browser;
  let server: { app: FastifyInstance; url: string };

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    server = await listen();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.app.close();
  });

  it('greets in Russian and answers a quick-reply button', async () => {
    const page = await openWidget(browser, server.url, 'ru-RU');
    expect(await page.getByRole('textbox').getAttribute('placeholder')).toBe('Напишите сообщение…');
    await say(page, 'привет');
    await botMessages(page).filter({ hasText: 'Привет! Я Советник' }).waitFor();
    await page.getByRole('button', { name: 'Что ты умеешь?' }).click();
    await botMessages(page).filter({ hasText: 'Вот что я умею' }).waitFor();
    await page.locator('#typing').waitFor({ state: 'hidden' });
    expect(await page.locator('#messages .message.user').allTextContents()).toEqual(['Вы: привет', 'Вы: Что ты умеешь?']);
    await page.screenshot({ path: '/tmp/sovetnik-widget-ru.png' }).catch(() => {});
    await page.context().close();
  });

  it('greets in English and answers a quick-reply button', async () => {
    const page = await openWidget(browser, server.url, 'en-US');
    expect(await page.getByRole('textbox').getAttribute('placeholder')).toBe('Type a message…');
    await say(page, 'hello');
    await botMessages(page).filter({ hasText: "Hi! I'm Sovetnik" }).waitFor();
    await page.getByRole('button', { name: 'What can you do?' }).click();
    await botMessages(page).filter({ hasText: 'Here is what I can do' }).waitFor();
    await page.getByRole('button', { name: 'Help', exact: true }).last().click();
    await botMessages(page).filter({ hasText: 'in your own words' }).waitFor();
    await page.context().close();
  });

  it('treats the language toggle as the shopper choice, for the UI and the answers', async () => {
    const page = await openWidget(browser, server.url, 'ru-RU');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.locator('html[lang="en"]').waitFor();
    expect(await page.getByRole('button', { name: 'EN', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await say(page, 'привет');
    await botMessages(page).filter({ hasText: "Hi! I'm Sovetnik" }).waitFor();
    await page.context().close();
  });

  it('follows a language switch made by text: the UI changes, and a toggle choice does not undo it', async () => {
    const page = await openWidget(browser, server.url, 'ru-RU');
    // The shopper picked Russian with the toggle, so every message carries locale "ru"...
    await page.getByRole('button', { name: 'RU', exact: true }).click();
    await say(page, 'switch to English');
    await botMessages(page).filter({ hasText: "I'll speak English" }).waitFor();
    // ...until the text switch: the widget's own strings follow it.
    await page.locator('html[lang="en"]').waitFor();
    expect(await page.getByRole('textbox').getAttribute('placeholder')).toBe('Type a message…');
    expect(await page.getByRole('button', { name: 'EN', exact: true }).getAttribute('aria-pressed')).toBe('true');
    // The next message is answered in English too, even though it is written in Russian.
    await say(page, 'привет');
    await botMessages(page).filter({ hasText: "Hi! I'm Sovetnik" }).waitFor();
    await say(page, 'по-русски');
    await page.locator('html[lang="ru"]').waitFor();
    expect(await page.getByRole('textbox').getAttribute('placeholder')).toBe('Напишите сообщение…');
    await say(page, 'hello');
    await botMessages(page).filter({ hasText: 'Привет! Я Советник' }).waitFor();
    await page.context().close();
  });

  it('keeps the switched language after a reload', async () => {
    const page = await openWidget(browser, server.url, 'ru-RU');
    await say(page, 'switch to English');
    await page.locator('html[lang="en"]').waitFor();
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('textbox').getAttribute('placeholder')).toBe('Type a message…');
    await page.context().close();
  });
});

describe('the widget with streamed replies and product cards', { timeout: 60_000 }, () => {
  let browser: Browser;
  let server: { app: FastifyInstance; url: string };
  let release!: () => void;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const released = new Promise<void>((resolve) => (release = resolve));
    const handler: TurnHandler = async (context) => {
      async function* chunks(): AsyncGenerator<string> {
        yield 'Подбираю ужин';
        await released;
        yield ' на двоих…';
      }
      await context.reply({ type: 'stream', chunks: chunks() });
      await context.reply({
        type: 'cards',
        text: 'Вот что нашлось:',
        cards: [
          {
            itemId: 'sm-1', service: 'samokat', title: 'Паста фузилли', price: 89.9, currency: 'RUB', reason: 'вы брали её в прошлый раз',
            category: 'Бакалея/Макароны', actions: [{ title: 'В корзину', payload: 'cart:add:sm-1' }],
          },
          { itemId: 'ku-2', service: 'kuper', title: 'Сыр пармезан', price: 459, currency: 'RUB' },
        ],
        quickReplies: [{ title: 'Подешевле', payload: 'cheaper' }],
      });
    };
    server = await listen(handler);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.app.close();
  });

  it('renders streamed text as it arrives, then cards with service, price, reason and actions', async () => {
    const page = await openWidget(browser, server.url, 'ru-RU');
    await say(page, 'что взять на ужин?');
    const streaming = page.locator('#messages .message.bot.streaming');
    await streaming.filter({ hasText: 'Подбираю ужин' }).waitFor();
    expect(await streaming.textContent()).not.toContain('на двоих');
    release();
    await botMessages(page).filter({ hasText: 'Подбираю ужин на двоих…' }).waitFor();
    const cards = page.getByRole('list', { name: 'Товары' }).getByRole('listitem');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(2);
    const first = cards.first();
    expect(await first.locator('.badge').textContent()).toBe('Самокат');
    expect(await first.locator('.card-title').textContent()).toBe('Паста фузилли');
    expect((await first.locator('.card-price').textContent())?.replace(/\s/g, ' ')).toBe('89,90 ₽');
    expect(await first.locator('.card-reason').textContent()).toBe('Почему: вы брали её в прошлый раз');
    expect(await first.getByRole('button', { name: 'В корзину' }).isVisible()).toBe(true);
    expect(await cards.nth(1).locator('.badge').textContent()).toBe('Купер');
    // No photo in the catalog: a pictogram of the shelf, named for screen readers; without a category, a plain one.
    expect(await first.getByRole('img', { name: 'Бакалея' }).getAttribute('data-kind')).toBe('pantry');
    expect(await first.locator('.card-visual svg').count()).toBe(1);
    expect(await cards.nth(1).getByRole('img', { name: 'Товар' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Подешевле' }).isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/sovetnik-widget-cards.png' }).catch(() => {});
    await page.context().close();
  });
});

const API_KEY = 'e2e-widget-api-key-0001';
const headphones = (id: string, ru: string, en: string, price: number) => ({
  id, service: 'megamarket', title: { ru, en }, category: 'Электроника/Наушники', price, currency: 'RUB',
});
const CATALOG = [
  headphones('e2e-h1', 'Наушники беспроводные Xiaomi Redmi Buds 5, чёрные', 'Xiaomi Redmi Buds 5 wireless headphones, black', 2990),
  headphones(
    'e2e-h2', 'Наушники беспроводные полноразмерные Soundcore Space One с активным шумоподавлением и приложением, 40 часов работы, синие',
    'Soundcore Space One over-ear wireless headphones with active noise cancelling and an app, 40 hours of playback, blue', 8990,
  ),
  headphones('e2e-h3', 'Наушники проводные JBL Tune 310C, USB-C', 'JBL Tune 310C wired headphones, USB-C', 1490),
  { id: 'e2e-p1', service: 'megamarket', title: { ru: 'Смартфон TECNO Spark 20', en: 'TECNO Spark 20 smartphone' }, category: 'Электроника/Смартфоны', price: 11990, currency: 'RUB' },
];

describe('the widget with the production assistant', { timeout: 60_000 }, () => {
  let browser: Browser;
  let server: { app: FastifyInstance; url: string };

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    server = await listen('production', { SOVETNIK_API_KEY: API_KEY });
    // The catalog through its public API: headphones, one with a very long title, and a phone.
    const response = await server.app.inject({
      method: 'PUT', url: '/api/v1/catalog/items', headers: { authorization: `Bearer ${API_KEY}` }, payload: { items: CATALOG },
    });
    expect(response.statusCode).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.app.close();
  });

  it('the UI follows "switch to English" answered by the shopping assistant itself', async () => {
    const page = await openWidget(browser, server.url, 'ru-RU');
    await say(page, 'привет');
    await botMessages(page).first().waitFor();
    await say(page, 'switch to English');
    await page.locator('html[lang="en"]').waitFor();
    expect(await page.getByRole('textbox').getAttribute('placeholder')).toBe('Type a message…');
    await page.context().close();
  });

  for (const [locale, viewport, ask, kind] of [
    ['en-US', { width: 390, height: 844 }, 'find headphones', 'Headphones and speakers'],
    ['ru-RU', { width: 1280, height: 800 }, 'найди наушники', 'Наушники и колонки'],
  ] as const) {
    it(`${locale} at ${viewport.width}x${viewport.height}: each card has its pictogram, nothing overflows, the answer is in view`, async () => {
      const page = await openWidget(browser, server.url, locale, viewport);
      await say(page, ask);
      const cards = page.locator('#messages .card');
      await botMessages(page).first().waitFor();
      await page.locator('#typing').waitFor({ state: 'hidden' });
      expect(await cards.count(), (await botMessages(page).allTextContents()).join('\n')).toBeGreaterThan(0);
      const count = await cards.count();
      expect(count).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < count; i++) expect(await cards.nth(i).getByRole('img', { name: kind }).count()).toBe(1);
      // The page never scrolls sideways; only the row of cards does.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      const card = (await cards.first().boundingBox())!;
      const title = (await cards.first().locator('.card-title').boundingBox())!;
      expect(title.y + title.height).toBeLessThanOrEqual(card.y + card.height);
      // The chat is scrolled to the newest message.
      await expect.poll(() => page.evaluate(() => {
        const chat = document.querySelector('.chat')!;
        return chat.scrollHeight - chat.clientHeight - chat.scrollTop;
      })).toBeLessThan(2);
      await page.screenshot({ path: `/tmp/sovetnik-widget-${locale}-${viewport.width}.png` }).catch(() => {});
      await page.context().close();
    });
  }

  for (const [locale, find, cartQuestion, t] of [
    ['ru-RU', 'найди наушники JBL', 'что в корзине?', { add: 'В корзину', added: 'теперь там 2 шт.', line: (n: number, sum: string) => `${n} шт. × 1 490 ₽ = ${sum}`, remove: 'Убрать', empty: 'теперь она пуста', checkout: 'Оформить' }],
    ['en-US', 'find JBL headphones', "what's in my cart?", { add: 'Add to cart', added: '(2 of it now)', line: (n: number, sum: string) => `${n} × 1,490 ₽ = ${sum}`, remove: 'Remove', empty: 'it is empty now', checkout: 'Check out' }],
  ] as const) {
    it(`${locale}: the cart is a list of lines with quantity and sum, whose −1 / +1 / remove buttons work`, async () => {
      const page = await openWidget(browser, server.url, locale);
      const lastCards = () => page.locator('#messages .message.bot').filter({ has: page.locator('.cards') }).last().locator('.card');
      const idle = () => page.locator('#typing').waitFor({ state: 'hidden' });
      await say(page, find);
      await page.locator('#messages .card').filter({ hasText: 'JBL' }).first().getByRole('button', { name: t.add }).click();
      await botMessages(page).filter({ hasText: 'JBL' }).filter({ hasNot: page.locator('.cards') }).first().waitFor();
      await say(page, cartQuestion);
      await botMessages(page).filter({ has: page.locator('.card-line') }).first().waitFor();
      const line = lastCards().first();
      expect(await lastCards().count()).toBe(1);
      expect((await line.locator('.card-price').textContent())?.replace(/\s/g, ' ')).toBe(t.line(1, locale === 'en-US' ? '1,490 ₽' : '1 490 ₽'));
      // A cart line is not a suggestion: no "why", no "add to cart"; its own buttons instead, and check out once.
      expect(await line.locator('.card-reason').count()).toBe(0);
      expect(await line.locator('.card-actions button').allTextContents()).toEqual(['−1', '+1', t.remove]);
      expect(await page.locator('#messages .message.bot').last().getByRole('button', { name: t.checkout }).count()).toBe(1);
      await line.getByRole('button', { name: '+1' }).click();
      await botMessages(page).filter({ hasText: t.added }).waitFor();
      await idle();
      await say(page, cartQuestion);
      await expect.poll(async () => (await lastCards().first().locator('.card-price').textContent())?.replace(/\s/g, ' '))
        .toBe(t.line(2, locale === 'en-US' ? '2,980 ₽' : '2 980 ₽'));
      await page.screenshot({ path: `/tmp/sovetnik-widget-cart-${locale}.png` }).catch(() => {});
      await lastCards().first().getByRole('button', { name: t.remove }).click();
      await botMessages(page).filter({ hasText: t.empty }).waitFor();
      await page.context().close();
    });
  }

  for (const [locale, hello, script] of [['ru-RU', 'привет', /[а-яё]/i], ['en-US', 'hello', /^[^а-яё]*$/i]] as const) {
    it(`greets in ${locale} and answers its first quick reply`, async () => {
      const page = await openWidget(browser, server.url, locale);
      await say(page, hello);
      await botMessages(page).first().waitFor();
      await page.locator('#typing').waitFor({ state: 'hidden' });
      const greeting = (await botMessages(page).first().textContent()) ?? '';
      expect(greeting).toMatch(script);
      const button = page.locator('#messages .message.bot .quick-reply').first();
      const title = (await button.textContent()) ?? '';
      await button.click();
      await page.locator('#messages .message.user').nth(1).waitFor();
      expect(await page.locator('#messages .message.user').nth(1).textContent()).toContain(title);
      await botMessages(page).nth(1).waitFor();
      expect((await botMessages(page).nth(1).textContent()) ?? '').toMatch(script);
      await page.context().close();
    });
  }
});
