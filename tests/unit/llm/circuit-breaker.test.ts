import { describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError } from '../../../core/llm/circuit-breaker.ts';

describe('CircuitBreaker', () => {
  it('opens after the threshold, lets one trial through after the pause, and closes on success', () => {
    let now = 0;
    const breaker = new CircuitBreaker('llm', { failureThreshold: 2, resetAfterMs: 1000, now: () => now });
    breaker.acquire();
    breaker.failure();
    expect(breaker.state).toBe('closed');
    breaker.acquire();
    breaker.failure();
    expect(breaker.state).toBe('open');
    expect(() => breaker.acquire()).toThrow(CircuitOpenError);
    now = 1000;
    expect(breaker.state).toBe('half-open');
    breaker.acquire();
    expect(() => breaker.acquire()).toThrow(CircuitOpenError);
    breaker.success();
    expect(breaker.state).toBe('closed');
  });

  it('re-opens when the trial call fails', () => {
    let now = 0;
    const breaker = new CircuitBreaker('llm', { failureThreshold: 1, resetAfterMs: 100, now: () => now });
    breaker.acquire();
    breaker.failure();
    now = 150;
    breaker.acquire();
    breaker.failure();
    expect(breaker.state).toBe('open');
  });
});
