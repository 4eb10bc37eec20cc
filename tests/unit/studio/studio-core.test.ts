import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROMPTS_DIR } from '../../../bots/shopping-assistant/studio-services.ts';
import { ConfigError, ValidationError } from '../../../core/errors.ts';
import type { PromptTemplate } from '../../../core/llm/prompt-template.ts';
import { effectiveTemplate, templateHash } from '../../../core/stores/template-store-shared.ts';
import { hashPassword, verifyPassword } from '../../../core/studio/password-hash.ts';
import { loadPromptTemplates } from '../../../core/studio/prompt-files.ts';
import { can, permissionsOf } from '../../../core/studio/roles.ts';
import { checkTemplateTexts, validateTemplateTexts } from '../../../core/studio/template-checks.ts';
import { diffText } from '../../../core/studio/text-diff.ts';

const template: PromptTemplate = {
  bot: 'b', use: 'u', locale: 'en', system: 'sys', user: '{{request}} {{items}}',
  variables: {
    request: { type: 'string', description: 'request', required: true },
    items: { type: 'list', description: 'items', required: true },
    note: { type: 'string', description: 'note' },
  },
};

describe('text diff', () => {
  const side = (parts: ReturnType<typeof diffText>, skip: string) => parts.filter((p) => p.op !== skip).map((p) => p.text).join('');

  it('gives back both texts from its parts, for any pair of texts', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (a, b) => {
      const parts = diffText(a, b);
      expect(side(parts, 'insert')).toBe(a);
      expect(side(parts, 'delete')).toBe(b);
    }), { numRuns: 300 });
  });

  it('marks only the changed words, and whole words', () => {
    expect(diffText('Answer briefly and warmly.', 'Answer briefly and kindly.')).toEqual([
      { op: 'equal', text: 'Answer briefly and ' }, { op: 'delete', text: 'warmly.' }, { op: 'insert', text: 'kindly.' },
    ]);
    expect(diffText('same', 'same')).toEqual([{ op: 'equal', text: 'same' }]);
  });

  it('stays word-exact on long prompts with scattered edits (Myers beyond the table size)', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `w${i % 500}`).join(' ');
    const after = before.split(' ').map((w, i) => (i % 97 === 0 ? 'X' : w)).join(' ');
    const parts = diffText(before, after);
    expect(side(parts, 'insert')).toBe(before);
    expect(side(parts, 'delete')).toBe(after);
    expect(parts.filter((p) => p.op === 'insert').every((p) => p.text === 'X')).toBe(true);
    expect(parts.filter((p) => p.op === 'insert')).toHaveLength(31);
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 2999 }), { maxLength: 40 }), (edits) => {
      const words = before.split(' ');
      for (const i of edits) words[i] = `e${i}`;
      const changed = diffText(before, words.join(' '));
      expect(side(changed, 'insert')).toBe(before);
      expect(side(changed, 'delete')).toBe(words.join(' '));
    }), { numRuns: 20 });
  });

  it('stays exact and fast on long prompts with a small edit', () => {
    const long = Array.from({ length: 4000 }, (_, i) => `word${i}`).join(' ');
    const edited = long.replace('word2000', 'changed');
    const started = performance.now();
    const parts = diffText(long, edited);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(parts.filter((p) => p.op !== 'equal')).toEqual([{ op: 'delete', text: 'word2000' }, { op: 'insert', text: 'changed' }]);
  });
});

describe('template checks', () => {
  it('names undeclared and malformed placeholders, unused required variables, empty texts', () => {
    const issues = checkTemplateTexts(template, { system: ' ', user: '{{request}} {{ budget }} {{bad name}} {{open' });
    expect(issues.map((i) => `${i.code}:${i.field}:${i.variable ?? ''}`)).toEqual([
      'empty_text:system:',
      'undeclared_variable:user:budget',
      'malformed_placeholder:user:',
      'malformed_placeholder:user:',
      'missing_required_variable:template:items',
    ]);
    expect(checkTemplateTexts(template, { system: 'ok {{note}}', user: '{{ request }} {{items}}' })).toEqual([]);
  });

  it('validates into a template with the shipped variables, or a ValidationError listing the issues', () => {
    expect(validateTemplateTexts(template, { system: 'S', user: '{{request}}{{items}}' })).toEqual({ ...template, system: 'S', user: '{{request}}{{items}}' });
    expect(() => validateTemplateTexts(template, { system: 'S {{x}}', user: '{{request}}{{items}}' })).toThrow(ValidationError);
    expect(() => validateTemplateTexts(template, { system: 'S {{x}}', user: '{{request}}{{items}}' })).toThrow(/\{\{x\}\}/);
  });
});

describe('template hashes and the live template', () => {
  it('hashes content, not key order', () => {
    const reordered = { ...template, variables: { note: template.variables.note!, items: template.variables.items!, request: template.variables.request! } };
    expect(templateHash(reordered)).toBe(templateHash(template));
    expect(templateHash({ ...template, system: 'other' })).not.toBe(templateHash(template));
  });

  it('serves published texts with the shipped variables, unless they use one the code dropped', () => {
    const published = { version: 1, template: { ...template, system: 'new {{note}}' }, publishedAt: '', publishedBy: 'p', hash: '', source: 'publish' as const };
    expect(effectiveTemplate(template, published).system).toBe('new {{note}}');
    const { note: _note, ...variables } = template.variables;
    expect(effectiveTemplate({ ...template, variables }, published)).toEqual({ ...template, variables });
    expect(effectiveTemplate(template, undefined)).toBe(template);
  });
});

describe('passwords and roles', () => {
  it('hashes with scrypt and a salt, and verifies only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse battery'), hashPassword('correct horse battery')]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$99999999$8$1$c2FsdA$aGFzaA')).toBe(false);
  });

  it('orders roles: each may do what the ones below may', () => {
    expect(permissionsOf('viewer')).toEqual(['read']);
    expect(can('editor', 'edit') && can('editor', 'preview') && !can('editor', 'publish')).toBe(true);
    expect(can('publisher', 'rollback') && !can('publisher', 'manage_users')).toBe(true);
    expect(can('admin', 'read_audit') && can('admin', 'publish')).toBe(true);
  });
});

describe('shipped prompt files', () => {
  it('loads and validates every file of prompts/', () => {
    const shipped = loadPromptTemplates(PROMPTS_DIR);
    expect(shipped.map((t) => `${t.bot}/${t.use}/${t.locale}`)).toEqual(expect.arrayContaining(['shopping-assistant/recommend/en', 'shopping-assistant/recommend/ru']));
  });

  it('refuses a file whose content disagrees with its name, or that does not validate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prompts-'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', 'u.ru.json'), JSON.stringify(template));
    expect(() => loadPromptTemplates(dir)).toThrow(ConfigError);
    writeFileSync(join(dir, 'b', 'u.ru.json'), JSON.stringify({ ...template, locale: 'ru', user: '{{nope}}' }));
    expect(() => loadPromptTemplates(dir)).toThrow(/nope/);
  });
});
