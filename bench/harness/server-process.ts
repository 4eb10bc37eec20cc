import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A server running in its own process, so the load generator and the server do not share a core. */
export interface ServerProcess {
  port: number;
  child: ChildProcess;
  /** The CPU time (user + system, ms) the server process has used so far (see {@link reportCpuOnSignal}). */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Call in a server script: prints `{"cpuMs": n}` on SIGUSR2, so the harness can tell the server's own
 * CPU cost per request, a figure that other load on the machine disturbs far less than throughput.
 */
export function reportCpuOnSignal(): void {
  process.on('SIGUSR2', () => {
    const usage = process.cpuUsage();
    console.log(JSON.stringify({ cpuMs: (usage.user + usage.system) / 1000 }));
  });
}

/**
 * Starts `script` with tsx; the script must print one JSON line `{"port": n}` on stdout once listening.
 */
export async function startServerProcess(script: string, env: Record<string, string> = {}, timeoutMs = 30_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const cpuWaiters: ((ms: number) => void)[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not report its port within ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', (code) => reject(new Error(`${script} exited with code ${code}`)));
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      let parsed: { port?: number; cpuMs?: number };
      try {
        parsed = JSON.parse(line) as typeof parsed;
      } catch {
        return; // not a line for the harness
      }
      if (typeof parsed.port === 'number') {
        clearTimeout(timer);
        resolve(parsed.port);
      }
      if (typeof parsed.cpuMs === 'number') cpuWaiters.shift()?.(parsed.cpuMs);
    });
  });
  return {
    port,
    child,
    cpuMs: () =>
      new Promise<number>((resolve) => {
        cpuWaiters.push(resolve);
        child.kill('SIGUSR2');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
