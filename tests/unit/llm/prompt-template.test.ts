import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPrompt, validatePromptTemplate } from '../../../core/llm/prompt-template.ts';

const dir = join(import.meta.dirname, '../../../prompts/shopping-assistant');

describe('prompt templates', () => {
  it('every shipped template is valid and uses only declared variables', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const template = validatePromptTemplate(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      expect(file).toBe(`${template.use}.${template.locale}.json`);
    }
  });

  it('renders variables, lists as bullets, and rejects a missing required variable', () => {
    const template = validatePromptTemplate(JSON.parse(readFileSync(join(dir, 'recommend.en.json'), 'utf8')));
    const messages = renderPrompt(template, { request: 'vegan snacks', items: ['Hummus — 120 ₽', 'Oat bar — 60 ₽'] });
    expect(messages[1]?.content).toContain('The shopper asked: vegan snacks');
    expect(messages[1]?.content).toContain('- Hummus — 120 ₽\n- Oat bar — 60 ₽');
    expect(() => renderPrompt(template, { request: 'x' })).toThrow(/items/);
  });

  it('rejects undeclared placeholders', () => {
    expect(() =>
      validatePromptTemplate({ bot: 'b', use: 'u', locale: 'ru', system: 'Hi {{nmae}}', user: 'x', variables: {} }),
    ).toThrow(/nmae/);
  });
});
