import { ConfigError } from '../../core/errors.ts';
import type { BootstrapResult } from '../../core/studio/studio-accounts.ts';
import { createAppServices } from './app-services.ts';
import { channelBannerLines } from './channel-services.ts';
import { parseConfig, type AppConfig } from './config.ts';
import { createServer } from './server.ts';

const SHUTDOWN_GRACE_MS = 10_000;

function banner(config: AppConfig, url: string, demoToken: string, studio: BootstrapResult): string {
  const lines = [`Sovetnik shopping assistant: ${url}`, `  web widget:  ${url}/`, `  health:      ${url}/healthz`, `  metrics:     ${url}/metrics`];
  lines.push(`  studio:      ${url}/studio`);
  lines.push(...channelBannerLines(config, url));
  if (studio.generatedPassword) lines.push(`  STUDIO_ADMIN_PASSWORD was unset; studio login "${studio.username}" with this run's password: ${studio.generatedPassword}`);
  if (config.auth.generated.apiKey) lines.push(`  SOVETNIK_API_KEY was unset; this run's service API key: ${config.auth.apiKey}`);
  if (config.auth.generated.jwtSecret) {
    lines.push('  INAPP_JWT_SECRET was unset; a random one is used for this run. A shopper token for "demo":');
    lines.push(`    ${demoToken}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const services = await createAppServices({ config });
  const app = await createServer({ services });
  await app.listen({ port: config.http.port, host: config.http.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  const host = config.http.host === '0.0.0.0' || config.http.host === '::' ? 'localhost' : config.http.host;
  const demo = await services.context.loadDemoData();
  if (demo) services.logger.info(demo, 'demo catalogs and shoppers loaded (DEMO_DATA=off skips this)');
  // In the background: shoppers are served meanwhile, the first ones only wait for what they need built.
  const warmStarted = Date.now();
  services.warmUp().then(
    () => services.logger.info({ ms: Date.now() - warmStarted }, 'recommender ready'),
    (err: unknown) => services.logger.error({ err }, 'warm-up failed; the first requests build what they need'),
  );
  const { token } = await services.tokens.sign({ shopperId: 'demo', ttlSeconds: 86_400 });
  console.log(banner(config, `http://${host}:${port}`, token, await services.studio.bootstrap));

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    services.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    await app.close();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

await main();
