import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/reco');

function run(args: string[]): { stdout: string; status: number; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'bench/reco-eval.ts', ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { stdout, status: 0, stderr: '' };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; status: number };
    return { stdout: e.stdout, stderr: e.stderr, status: e.status };
  }
}

describe('reco:eval', () => {
  it('prints the DESIGN.md JSON as its last line, with the three baselines from the same run', () => {
    for (const file of ['baskets-per-line.jsonl', 'online-retail.csv', 'users-per-line.jsonl']) {
      const { stdout, status } = run(['--baskets', path.join(FIXTURES, file), '--users', path.join(FIXTURES, 'dev_users.json')]);
      expect(status).toBe(0);
      const result = JSON.parse(stdout.trim().split('\n').at(-1)!);
      expect(Object.keys(result)).toEqual(expect.arrayContaining(['users', 'recall@10', 'ndcg@10', 'msPerUser', 'baselines']));
      expect(Object.keys(result.baselines)).toEqual(['G-TopFreq', 'P-TopFreq', 'GP-TopFreq']);
      expect(result.users).toBe(2); // C has a single basket: nothing to predict from
      // A's last basket is {1,2,4}; P-TopFreq from {1,2},{2,3} gets 1 and 2; B's {5,6} from {5} gets 5.
      expect(result.baselines['P-TopFreq']['recall@10']).toBeCloseTo((2 / 3 + 1 / 2) / 2, 4);
    }
  });

  it('evaluates held-out baskets against the whole file as history', () => {
    const { stdout, status } = run(['--baskets', path.join(FIXTURES, 'baskets-per-line.jsonl'), '--heldout', path.join(FIXTURES, 'heldout.jsonl'), '--k', '3']);
    expect(status).toBe(0);
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(result.users).toBe(2);
    expect(result['recall@3']).toBeGreaterThan(0);
  });

  it('fails clearly on bad arguments and unknown formats', () => {
    expect(run([]).stderr).toMatch(/--baskets FILE is required/);
    const both = run(['--baskets', 'x', '--users', 'y', '--heldout', 'z']);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/exactly one of --users FILE or --heldout FILE/);
    const unknown = run(['--baskets', path.join(FIXTURES, 'unknown.txt'), '--users', path.join(FIXTURES, 'dev_users.json')]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/needs a user column/);
  });
});
