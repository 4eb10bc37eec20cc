// A full turn of the shopping assistant on the embedded default, without an LLM: pipeline (dedup, rate
// limit, conversation lock), session, recognizer, dialog engine, recommender over the demo catalog and shoppers.
// Baseline in the same process: the same pipeline with the basic greeting handler.
import { loadLocaleResources } from '../bots/shopping-assistant/locale-resources.ts';
import { generateDemoData } from '../bots/demo-data/index.ts';
import { createI18nextTranslator } from '../adapters/i18n/i18next-translator.ts';
import type { Activity } from '../core/activity.ts';
import { createBot, type Bot, type TurnHandler } from '../core/bot.ts';
import { ProfileBuilder } from '../core/context/profile-builder.ts';
import { sessionMiddleware } from '../core/conversation-session.ts';
import type { Translator } from '../core/i18n.ts';
import { createPipeline } from '../core/pipeline/create-pipeline.ts';
import { createMemoryPipelineStores } from '../core/pipeline/pipeline-stores.ts';
import { createRecommender } from '../core/reco/recommender/recommender.ts';
import { MemoryCatalogStore } from '../core/stores/memory-catalog-store.ts';
import { MemoryConsentStore } from '../core/stores/memory-consent-store.ts';
import { MemoryEventStore } from '../core/stores/memory-event-store.ts';
import { MemoryProfileStore } from '../core/stores/memory-profile-store.ts';
import { MemorySessionStore } from '../core/stores/memory-session-store.ts';
import type { SessionStore } from '../core/stores/session-store.ts';
import { createBasicReplies } from '../dialogs/shopping-assistant/basic-replies.ts';
import { createShoppingHandler } from '../dialogs/shopping-assistant/handler.ts';
import { SHOPPING_ASSISTANT_INTENTS } from '../dialogs/shopping-assistant/intents/index.ts';
import { gazetteerFromCatalog } from '../core/nlu/catalog-gazetteer.ts';
import { createRecognizer } from '../core/nlu/create-recognizer.ts';
import { loadavg } from 'node:os';
import type { Benchmark } from './harness/benchmark.ts';

/** One shopper's conversation: follow-ups and references need the turns before them. */
const SCRIPT_RU = [
  'привет', 'что взять на ужин на двоих до 1000 рублей в Самокате?', 'а подешевле?', 'а в Купере?', 'возьми второе',
  'ещё две такие', 'нет, не две, а три', 'что в корзине?', 'почему это?', 'найди безлактозное молоко', 'возьми первое',
  'повтори мой обычный заказ', 'без орехов', 'что ты обо мне знаешь?', 'оформи заказ', 'спасибо',
];
const SCRIPT_EN = [
  'hello', 'what should I get for dinner for two under 1500 rub at Kuper?', 'cheaper', 'what about Samokat?',
  'take the first one', 'two more of these', "what's in my cart?", 'why this?', 'find lactose-free milk', 'add the second one',
  'same as last time', "I'm vegetarian", 'what do you know about me?', 'check out', 'thanks',
];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function stats(samples: number[]): { p50: number; p95: number; p99: number; mean: number; max: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)),
    mean: round(samples.reduce((s, x) => s + x, 0) / samples.length), max: round(sorted[sorted.length - 1] ?? 0), n: samples.length,
  };
}

function botWith(translator: Translator, sessions: SessionStore, handler: TurnHandler): Bot {
  return createBot({
    translator, handler,
    middleware: [
      ...createPipeline({ stores: createMemoryPipelineStores(), translator, rateLimit: { limit: 1_000_000_000 } }),
      sessionMiddleware({ sessions, translator }),
    ],
  });
}

let sequence = 0;
const message = (shopperId: string, text: string): Activity => ({
  type: 'message', id: `dialog-bench-${(sequence += 1)}`, channel: 'inapp', conversationId: `c-${shopperId}`,
  user: { channelUserId: shopperId, shopperId }, timestamp: new Date(), text,
});

async function timeTurns(
  bot: Bot, shoppers: readonly string[], rounds: number,
): Promise<{ all: number[]; cpu: number[]; byText: Map<string, number[]> }> {
  const all: number[] = [];
  // CPU time of this process per turn: on a shared 2-core machine wall time also counts waiting for a core.
  const cpu: number[] = [];
  const byText = new Map<string, number[]>();
  for (let round = 0; round < rounds; round += 1) {
    for (const [i, shopperId] of shoppers.entries()) {
      const script = i % 2 === 0 ? SCRIPT_RU : SCRIPT_EN;
      for (const text of script) {
        const started = performance.now();
        const cpuStarted = process.cpuUsage();
        const replies = await bot.handle(message(shopperId, text));
        const ms = performance.now() - started;
        const used = process.cpuUsage(cpuStarted);
        cpu.push((used.user + used.system) / 1000);
        if (replies.length === 0) throw new Error(`no reply to "${text}"`);
        all.push(ms);
        if (!byText.has(text)) byText.set(text, []);
        byText.get(text)!.push((used.user + used.system) / 1000);
      }
    }
  }
  return { all, cpu, byText };
}

export const benchmark: Benchmark = {
  name: 'dialog-turn',
  description: 'one full shopping-assistant turn (pipeline, session, NLU, dialog engine, recommender) on the embedded default with the demo data, no LLM; baseline: the same pipeline with the basic greeting handler',
  targets: [{ figure: 'turn.p99Ms', op: '<', value: 10, unit: 'ms' }],
  async run({ quick, log }) {
    const demo = generateDemoData({ seed: 7, shoppers: quick ? 100 : 300 });
    const catalog = new MemoryCatalogStore();
    await catalog.upsertMany(demo.items);
    const events = new MemoryEventStore();
    await events.appendMany(demo.events);
    const profiles = new MemoryProfileStore();
    const builder = new ProfileBuilder({ profiles, catalog });
    await builder.applyEvents(demo.events);
    const recommender = createRecommender({ catalog, events, profiles: builder.profiles });
    recommender.observe(demo.events);
    await recommender.refresh();
    const translator = createI18nextTranslator({ resources: loadLocaleResources() });
    const sessions = new MemorySessionStore();
    const started = performance.now();
    const recognizer = createRecognizer({ definitions: SHOPPING_ASSISTANT_INTENTS, gazetteer: gazetteerFromCatalog(demo.items) });
    const assistant = createShoppingHandler({
      translator, sessions, catalog, events, profiles, consent: new MemoryConsentStore(), recommender, recognizer,
    });
    await assistant.ready;
    log(`${demo.items.length} items, ${demo.events.length} events, ${demo.shoppers.length} shoppers; recognizer ready in ${Math.round(performance.now() - started)} ms`);
    const bot = botWith(translator, sessions, assistant.handler);
    // Peer: the same assistant with the catalog backend alone (no learned recommender), to show what the
    // dialog layer itself costs.
    const lexical = createShoppingHandler({
      translator, sessions: new MemorySessionStore(), catalog, events, profiles, consent: new MemoryConsentStore(),
      recognizer,
    });
    await lexical.ready;
    const lexicalBot = botWith(translator, new MemorySessionStore(), lexical.handler);
    const basic = botWith(translator, new MemorySessionStore(), createBasicReplies({ translator }));
    const shoppers = demo.shoppers.map((s) => s.id);
    const warm = shoppers.slice(0, 10);
    await timeTurns(bot, warm, 1);
    await timeTurns(basic, warm, 1);
    await timeTurns(lexicalBot, warm, 1);
    const measured = shoppers.slice(10, quick ? 40 : 110);
    const turn = await timeTurns(bot, measured, 1);
    const baseline = await timeTurns(basic, measured, 1);
    const peer = await timeTurns(lexicalBot, measured, 1);
    const slowest = [...turn.byText].map(([text, ms]) => ({ text, ...stats(ms) })).sort((a, b) => b.p99 - a.p99).slice(0, 5);
    const t = stats(turn.all);
    const b = stats(baseline.all);
    const p = stats(peer.all);
    const c = stats(turn.cpu);
    log(`turn p50 ${t.p50} ms, p99 ${t.p99} ms (CPU p99 ${c.p99} ms, load ${loadavg()[0]!.toFixed(1)}); catalog backend only p99 ${p.p99} ms; basic handler p99 ${b.p99} ms`);
    return {
      turn: { p50Ms: t.p50, p95Ms: t.p95, p99Ms: t.p99, meanMs: t.mean, maxMs: t.max, turns: t.n },
      turnCpu: { p50Ms: c.p50, p95Ms: c.p95, p99Ms: c.p99, meanMs: c.mean },
      loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
      baseline: { basicHandler: { p50Ms: b.p50, p99Ms: b.p99, meanMs: b.mean } },
      peer: { catalogBackendOnly: { p50Ms: p.p50, p95Ms: p.p95, p99Ms: p.p99, meanMs: p.mean } },
      ratio: { p99VsBasicHandler: Math.round((t.p99 / b.p99) * 100) / 100 },
      /** CPU time per message text, the five heaviest. */
      heaviestMessagesCpu: slowest,
      data: { items: demo.items.length, events: demo.events.length, shoppers: demo.shoppers.length },
    };
  },
};
