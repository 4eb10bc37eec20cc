import { join } from 'node:path';
import { createShopperTokens } from '../adapters/http/shopper-tokens.ts';
import type { Benchmark } from './harness/benchmark.ts';
import { runLoad, type LoadFigures, type LoadOptions } from './harness/load.ts';
import { runPacedLoad } from './harness/paced-load.ts';
import { startServerProcess, type ServerProcess } from './harness/server-process.ts';

const CONNECTIONS = 200;
/** Enough shoppers that none passes the default 50 messages a minute during the run. */
const SHOPPERS = 12_000;
const SECRET = 'bench-secret-bench-secret-bench-secret-01';
const PATH = '/api/v1/inapp/messages';

type Measured = LoadFigures & { serverCpuMicrosPerRequest: number; clientCpuMicrosPerRequest: number };

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
/** The share of the route's own saturated throughput offered in the fixed-rate run. */
const HALF_LOAD = 0.5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounds folded into one figure set: totals summed, rates averaged, latency percentiles as their median. */
function combine(rounds: readonly Measured[]) {
  const pick = (f: (r: Measured) => number) => median(rounds.map(f));
  const requests = rounds.reduce((sum, r) => sum + r.requests, 0);
  return {
    requestsPerSecond: Math.round(rounds.reduce((sum, r) => sum + r.requestsPerSecond, 0) / rounds.length),
    requests,
    latencyMs: {
      p50: pick((r) => r.latencyMs.p50),
      p90: pick((r) => r.latencyMs.p90),
      p99: pick((r) => r.latencyMs.p99),
      worstP99: Math.max(...rounds.map((r) => r.latencyMs.p99)),
      max: Math.max(...rounds.map((r) => r.latencyMs.max)),
    },
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    serverCpuMicrosPerRequest: round3(pick((r) => r.serverCpuMicrosPerRequest)),
    /** The load generator's own CPU per request (autocannon runs in the bench process, on the same 2 cores). */
    clientCpuMicrosPerRequest: round3(pick((r) => r.clientCpuMicrosPerRequest)),
  };
}

/**
 * Turns per second and latency through POST /api/v1/inapp/messages with a valid shopper JWT, against a
 * bare fastify route returning a constant in the same run. The targets apply to the route with the
 * foundation's basic handler (what the HTTP layer, auth, pipeline and session cost); the same route with
 * the full shopping dialogs is measured beside it for reference. Each server runs in its own process, autocannon in
 * this one, 200 connections. Every request comes from the next of 12,000 shoppers (each with its own
 * conversation), so the default rate limit of 50 a minute stays in force and is never hit: every turn
 * runs the full pipeline (dedup, rate limit, lock, session, handler) rather than the polite refusal.
 * The warm-up sends one message per shopper, so the measured run is a steady state of ongoing chats
 * (tokens seen before, sessions in the store), as in production.
 *
 * Two more figures explain the latency target. `floor`: the real server with everything around the turn (fastify
 * settings, hooks, JWT, validation, activity, JSON reply) but a constant in place of the turn, so its p99 is the least
 * any turn implementation could reach on this machine. `inappAtHalfLoad`: the same route offered half of its own
 * saturated throughput at a fixed rate over the same 200 connections, the latency a shopper sees when the server is
 * busy but not overrun (saturated closed-loop latency is 200 connections x the CPU per request, by Little's law).
 */
export const benchmark: Benchmark = {
  name: 'inapp-throughput',
  description:
    'POST /api/v1/inapp/messages (JWT, turn pipeline, session; basic handler, and the full assistant for reference) vs a bare fastify constant route, 200 connections',
  targets: [
    { figure: 'ratio', op: '>=', value: 0.4 },
    { figure: 'inapp.latencyMs.p99', op: '<', value: 25, unit: 'ms' },
  ],
  async run({ quick, log }) {
    const rounds = quick ? 2 : 5;
    const seconds = quick ? 2 : 4;
    const tokens = createShopperTokens({ secret: SECRET });
    log(`signing ${SHOPPERS} shopper tokens`);
    const shoppers = await Promise.all(
      Array.from({ length: SHOPPERS }, async (_, i) => ({
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${(await tokens.sign({ shopperId: `bench-shopper-${i}` })).token}`,
        },
        body: JSON.stringify({ text: i % 2 === 0 ? 'привет' : 'what can you do?', conversationId: `bench-conv-${i}` }),
      })),
    );
    let next = 0;
    const setupRequest: LoadOptions['setupRequest'] = (request) => {
      const shopper = shoppers[next++ % SHOPPERS]!;
      return { ...request, method: 'POST', headers: shopper.headers, body: shopper.body };
    };
    const bare = await startServerProcess(join(import.meta.dirname, 'harness', 'bare-server.ts'));
    const serverScript = join(import.meta.dirname, 'inapp-throughput-server.ts');
    const inapp = await startServerProcess(serverScript, { INAPP_JWT_SECRET: SECRET, LOG_LEVEL: 'warn', BENCH_HANDLER: 'basic' });
    const floor = await startServerProcess(serverScript, { INAPP_JWT_SECRET: SECRET, LOG_LEVEL: 'warn', BENCH_HANDLER: 'floor' });
    const assistant = await startServerProcess(serverScript, { INAPP_JWT_SECRET: SECRET, LOG_LEVEL: 'warn' });
    try {
      const load = (port: number, seconds: number): Promise<LoadFigures> =>
        runLoad({ url: `http://127.0.0.1:${port}${PATH}`, method: 'POST', connections: CONNECTIONS, durationSeconds: seconds, setupRequest });
      // Throughput plus the server's own CPU per request, which the machine's other load disturbs less.
      const measure = async (server: ServerProcess, seconds: number): Promise<Measured> => {
        const before = await server.cpuMs();
        const clientBefore = process.cpuUsage();
        const figures = await load(server.port, seconds);
        const client = process.cpuUsage(clientBefore);
        const cpu = (await server.cpuMs()) - before;
        const perRequest = (micros: number): number => Math.round((micros * 10) / Math.max(1, figures.requests)) / 10;
        return { ...figures, serverCpuMicrosPerRequest: perRequest(cpu * 1000), clientCpuMicrosPerRequest: perRequest(client.user + client.system) };
      };
      log(`warming up: one message per shopper (${SHOPPERS}) on each server`);
      await runLoad({ url: `http://127.0.0.1:${bare.port}${PATH}`, method: 'POST', connections: CONNECTIONS, amount: SHOPPERS, setupRequest });
      await runLoad({ url: `http://127.0.0.1:${inapp.port}${PATH}`, method: 'POST', connections: CONNECTIONS, amount: SHOPPERS, setupRequest });
      await runLoad({ url: `http://127.0.0.1:${floor.port}${PATH}`, method: 'POST', connections: CONNECTIONS, amount: SHOPPERS, setupRequest });
      await runLoad({ url: `http://127.0.0.1:${assistant.port}${PATH}`, method: 'POST', connections: CONNECTIONS, amount: SHOPPERS, setupRequest });
      // Short alternating rounds, so both servers see the same background load on a shared machine.
      const bareRounds: Measured[] = [];
      const inappRounds: Measured[] = [];
      const floorRounds: Measured[] = [];
      const assistantRounds: Measured[] = [];
      for (let round = 1; round <= rounds; round += 1) {
        log(`round ${round}/${rounds}: bare route, in-app with the basic handler, the floor (turn replaced by a constant), the full assistant (${seconds} s each)`);
        bareRounds.push(await measure(bare, seconds));
        inappRounds.push(await measure(inapp, seconds));
        floorRounds.push(await measure(floor, seconds));
        assistantRounds.push(await measure(assistant, seconds));
      }
      const ratios = inappRounds.map((r, i) => r.requestsPerSecond / bareRounds[i]!.requestsPerSecond);
      const bareFigures = combine(bareRounds);
      const inappFigures = combine(inappRounds);
      const assistantFigures = combine(assistantRounds);
      const offered = Math.round(inappFigures.requestsPerSecond * HALF_LOAD);
      log(`in-app with the basic handler at a fixed ${offered} requests/s (half its saturated throughput, paced), ${seconds * 2} s`);
      const paced = (durationSeconds: number) => runPacedLoad({
        url: `http://127.0.0.1:${inapp.port}${PATH}`, connections: CONNECTIONS, rate: offered, durationSeconds,
        next: () => shoppers[next++ % SHOPPERS]!,
      });
      // Discarded: the server settles from the saturated rounds (its collector catches up) before the measured run.
      await paced(2);
      const halfLoad = await paced(seconds * 2);
      return {
        connections: CONNECTIONS,
        shoppers: SHOPPERS,
        rounds,
        secondsPerRound: seconds,
        bare: bareFigures,
        /** The in-app route with the foundation's basic handler: HTTP, JWT, validation, pipeline, session. */
        inapp: inappFigures,
        /** The real server with a constant in place of the turn: the latency no turn implementation can beat here. */
        floor: { ...combine(floorRounds), ratio: round3(median(floorRounds.map((r, i) => r.requestsPerSecond / bareRounds[i]!.requestsPerSecond))) },
        /** The basic route at half its saturated throughput, fixed rate, 200 connections (latency from when each request was due). */
        inappAtHalfLoad: halfLoad,
        /** The same route with the production handler (the shopping dialogs), for reference: no target here. */
        assistant: {
          ...assistantFigures,
          ratio: round3(median(assistantRounds.map((r, i) => r.requestsPerSecond / bareRounds[i]!.requestsPerSecond))),
        },
        /** The median over rounds of in-app / bare throughput, each pair measured back to back. */
        ratio: round3(median(ratios)),
        ratioPerRound: ratios.map(round3),
        /** What the ratio would be were the server alone the bottleneck: bare CPU / in-app CPU per request. */
        cpuRatio: round3(bareFigures.serverCpuMicrosPerRequest / inappFigures.serverCpuMicrosPerRequest),
      };
    } finally {
      await Promise.all([bare.stop(), inapp.stop(), floor.stop(), assistant.stop()]);
    }
  },
};
