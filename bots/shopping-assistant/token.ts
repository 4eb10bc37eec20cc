// `npm run -s token -- <shopperId> [--web] [--ttl <seconds>]`: prints a shopper JWT for the in-app API,
// signed with INAPP_JWT_SECRET (the same value the server runs with).
import { createShopperTokens } from '../../adapters/http/shopper-tokens.ts';
import { ConfigError } from '../../core/errors.ts';
import { parseConfig } from './config.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const shopperId = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--ttl');
  if (!shopperId) fail('usage: npm run -s token -- <shopperId> [--web] [--ttl <seconds>]');
  const ttlIndex = args.indexOf('--ttl');
  const ttlSeconds = ttlIndex >= 0 ? Number(args[ttlIndex + 1]) : 86_400;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) fail('--ttl must be a whole number of seconds');
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : String(error));
  }
  if (config.auth.generated.jwtSecret) {
    fail('INAPP_JWT_SECRET is not set. Set the same value for the server and for this command, for example:\n'
      + '  export INAPP_JWT_SECRET=$(node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'hex\'))")\n'
      + 'or use the demo token the server prints at start-up.');
  }
  const tokens = createShopperTokens({ secret: config.auth.jwtSecret });
  const { token } = await tokens.sign({ shopperId, channel: args.includes('--web') ? 'web' : 'inapp', ttlSeconds });
  console.log(token);
}

await main();
