import { describe, expect, it } from 'vitest';
import { createAppServices } from '../../../bots/shopping-assistant/app-services.ts';
import { parseConfig } from '../../../bots/shopping-assistant/config.ts';
import { createBasicReplies } from '../../../dialogs/shopping-assistant/basic-replies.ts';

describe('warming up ahead of the first shoppers', () => {
  it('runs the work the handler registered only when asked, in order, once per call', async () => {
    const done: string[] = [];
    const services = await createAppServices({
      config: parseConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'off' }),
      handler: (deps) => {
        deps.warmers.push(async () => void done.push('index'), async () => void done.push('statistics'));
        return createBasicReplies(deps);
      },
    });
    try {
      expect(done).toEqual([]);
      await services.warmUp();
      expect(done).toEqual(['index', 'statistics']);
    } finally {
      await services.close();
    }
  });

  it('fails loudly when a warm-up step fails, so the caller can log it', async () => {
    const services = await createAppServices({
      config: parseConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'off' }),
      handler: (deps) => {
        deps.warmers.push(async () => {
          throw new Error('catalog unavailable');
        });
        return createBasicReplies(deps);
      },
    });
    try {
      await expect(services.warmUp()).rejects.toThrow('catalog unavailable');
    } finally {
      await services.close();
    }
  });
});
