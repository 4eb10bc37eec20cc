import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../bots/shopping-assistant/app-services.ts';
import { PASSWORD, startStudioServer, StudioClient, ADMIN_PASSWORD } from '../integration/studio/studio-test-client.ts';

// The Debian chromium; never a downloaded browser build.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

const KEY = 'shopping-assistant/recommend/en';
const NEW_LINE = 'Mention at most three products and end with a question.';

async function signIn(browser: Browser, url: string, username: string, locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${url}/studio`);
  await page.locator('body[data-ready="true"]').waitFor();
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(username === 'admin' ? ADMIN_PASSWORD : PASSWORD);
  await page.locator('form.login-card button[type=submit]').click();
  await page.locator('.template-list').waitFor();
  return page;
}

async function openTemplate(page: Page, key: string): Promise<void> {
  await page.locator(`a.titem[data-key="${key}"]`).click();
  await page.locator('#field-user').waitFor();
  await page.locator('.issues .ok').waitFor();
}

describe('the prompt studio in headless Chromium', { timeout: 90_000 }, () => {
  let browser: Browser;
  let services: AppServices;
  let close: () => Promise<void>;
  let url: string;

  beforeAll(async () => {
    const server = await startStudioServer({ PORT: '0' });
    ({ services, close } = server);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    const admin = new StudioClient(server.app);
    await admin.login('admin', ADMIN_PASSWORD);
    for (const [username, role] of [['eddie', 'editor'], ['paula', 'publisher']]) {
      const created = await admin.request('POST', '/api/v1/studio/users', { username, password: PASSWORD, role });
      expect(created.statusCode).toBe(201);
    }
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  it('an editor fixes an undeclared variable and saves; a publisher publishes; getPublished serves it', async () => {
    const editor = await signIn(browser, url, 'eddie');
    await openTemplate(editor, KEY);
    expect(await editor.getByRole('button', { name: 'Publish' }).isVisible()).toBe(false);
    const original = await editor.locator('#field-user').inputValue();

    await editor.locator('#field-user').fill(`${original}\nBudget: {{budget}}`);
    const issue = editor.locator('.issue[data-code="undeclared_variable"]');
    await issue.waitFor();
    expect(await issue.textContent()).toContain('{{budget}}');
    expect(await editor.locator('#field-user').getAttribute('class')).toContain('invalid');
    expect(await editor.getByRole('button', { name: 'Save draft' }).isDisabled()).toBe(true);

    await editor.locator('#field-user').fill(`${original}\n${NEW_LINE}`);
    await editor.locator('.issues .ok').waitFor();
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await editor.locator('.toast', { hasText: 'Draft saved' }).waitFor();
    await editor.locator(`a.titem[data-key="${KEY}"] .pill-draft`).waitFor();
    expect((await services.studio.templates.getPublished('shopping-assistant', 'recommend', 'en'))?.user).toBe(original);

    const publisher = await signIn(browser, url, 'paula');
    await openTemplate(publisher, KEY);
    expect(await publisher.locator('#field-user').inputValue()).toBe(`${original}\n${NEW_LINE}`);
    await publisher.getByRole('button', { name: 'Publish' }).click();
    await publisher.locator('.toast', { hasText: 'Published version 1' }).waitFor();
    await publisher.locator(`a.titem[data-key="${KEY}"] .pill-published`).waitFor();
    const live = await services.studio.templates.getPublished('shopping-assistant', 'recommend', 'en');
    expect(live?.user).toBe(`${original}\n${NEW_LINE}`);

    await publisher.locator('#tab-history').click();
    await publisher.locator('#diff-output ins', { hasText: 'question.' }).waitFor();
    await publisher.screenshot({ path: '/tmp/sovetnik-studio-history.png' }).catch(() => {});
    await editor.context().close();
    await publisher.context().close();
  });

  it('speaks Russian, shows admins the audit log of those changes, and hides publishing from viewers', async () => {
    const admin = await signIn(browser, url, 'admin', 'ru-RU');
    expect(await admin.locator('html').getAttribute('lang')).toBe('ru');
    await admin.getByRole('link', { name: 'Журнал аудита' }).click();
    await admin.locator('tr.audit-published').waitFor();
    const actions = await admin.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(actions).toEqual(expect.arrayContaining(['публикация', 'черновик сохранён', 'пользователь создан']));
    await admin.screenshot({ path: '/tmp/sovetnik-studio-audit-ru.png' }).catch(() => {});

    await admin.getByRole('link', { name: 'Пользователи' }).click();
    await admin.locator('#new-username').fill('vera');
    await admin.locator('#new-password').fill(PASSWORD);
    await admin.locator('#new-role').selectOption('viewer');
    await admin.getByRole('button', { name: 'Добавить' }).click();
    await admin.locator('tr[data-user="vera"]').waitFor();
    await admin.context().close();

    const viewer = await signIn(browser, url, 'vera');
    await openTemplate(viewer, KEY);
    expect(await viewer.locator('#field-user').getAttribute('readonly')).not.toBeNull();
    for (const name of ['Save draft', 'Publish']) expect(await viewer.getByRole('button', { name }).isVisible()).toBe(false);
    expect(await viewer.locator('#run-preview').isDisabled()).toBe(true);
    await viewer.context().close();
  });
});
