import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.ts';
import { validatePromptTemplate, type PromptTemplate } from '../llm/prompt-template.ts';

const FILE = /^([a-z0-9_-]+)\.(ru|en)\.json$/;

/**
 * Reads every shipped template, `<dir>/<bot>/<use>.<locale>.json`, validated. A file whose content disagrees with
 * its name, or that does not validate, stops start-up: a broken default must never reach shoppers.
 */
export function loadPromptTemplates(dir: string): PromptTemplate[] {
  const templates: PromptTemplate[] = [];
  for (const bot of readdirSync(dir, { withFileTypes: true })) {
    if (!bot.isDirectory()) continue;
    for (const name of readdirSync(join(dir, bot.name)).sort()) {
      const match = FILE.exec(name);
      if (!match) continue;
      const path = join(dir, bot.name, name);
      let template: PromptTemplate;
      try {
        template = validatePromptTemplate(JSON.parse(readFileSync(path, 'utf8')));
      } catch (error) {
        throw new ConfigError(`${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      if (template.bot !== bot.name || template.use !== match[1] || template.locale !== match[2]) {
        throw new ConfigError(`${path}: bot/use/locale inside (${template.bot}/${template.use}/${template.locale}) disagree with the file name`);
      }
      templates.push(template);
    }
  }
  return templates;
}
