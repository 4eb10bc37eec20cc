import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { CounterChild, HistogramChild } from '../../../adapters/http/metric-children.ts';

const buckets = [0.001, 0.01, 0.1, 1];

function pair() {
  const make = () => {
    const registry = new Registry();
    const counter = new Counter({ name: 'c_total', help: 'c', labelNames: ['route', 'status'], registers: [registry] });
    const histogram = new Histogram({ name: 'h_seconds', help: 'h', labelNames: ['route'], buckets, registers: [registry] });
    return { registry, counter, histogram };
  };
  return { ours: make(), theirs: make() };
}

describe('metric children', () => {
  it('export exactly what prom-client children export for the same calls', async () => {
    const { ours, theirs } = pair();
    const values = [0, 0.0005, 0.001, 0.004, 0.05, 0.5, 1, 3, 1e-9];
    const ourCounter = new CounterChild(ours.counter, { route: '/a', status: 200 });
    const ourTimer = new HistogramChild(ours.histogram, { route: '/a' });
    const other = new CounterChild(ours.counter, { route: '/a', status: 404 });
    for (const value of values) {
      ourCounter.inc();
      ourTimer.observe(value);
      theirs.counter.labels({ route: '/a', status: 200 }).inc();
      theirs.histogram.labels({ route: '/a' }).observe(value);
    }
    other.inc();
    theirs.counter.labels({ route: '/a', status: '404' }).inc();
    expect(await ours.registry.metrics()).toBe(await theirs.registry.metrics());
  });

  it('add to counts made through prom-client itself, and never clear them', async () => {
    const { ours } = pair();
    ours.counter.inc({ route: '/b', status: 200 }, 5);
    ours.histogram.observe({ route: '/b' }, 0.2);
    new CounterChild(ours.counter, { route: '/b', status: 200 }).inc();
    new HistogramChild(ours.histogram, { route: '/b' }).observe(0.2);
    const counted = (await ours.counter.get()).values;
    expect(counted).toEqual([expect.objectContaining({ value: 6 })]);
    const histogram = (await ours.histogram.get()).values;
    expect(histogram.find((v) => v.metricName === 'h_seconds_count')?.value).toBe(2);
    expect(histogram.find((v) => v.metricName === 'h_seconds_sum')?.value).toBeCloseTo(0.4);
  });

  it('keep counting after the registry is reset or the label set removed', async () => {
    const { ours } = pair();
    const counter = new CounterChild(ours.counter, { route: '/c', status: 200 });
    const timer = new HistogramChild(ours.histogram, { route: '/c' });
    counter.inc();
    timer.observe(0.05);
    ours.registry.resetMetrics();
    counter.inc();
    timer.observe(0.05);
    expect((await ours.counter.get()).values).toEqual([expect.objectContaining({ value: 1 })]);
    ours.counter.remove({ route: '/c', status: 200 });
    counter.inc();
    counter.inc();
    expect((await ours.counter.get()).values).toEqual([expect.objectContaining({ value: 2 })]);
    const histogram = (await ours.histogram.get()).values;
    expect(histogram.find((v) => v.metricName === 'h_seconds_count')?.value).toBe(1);
    expect(histogram.find((v) => v.metricName === 'h_seconds_bucket' && (v.labels as Record<string, unknown>).le === 0.1)?.value).toBe(1);
    expect(histogram.find((v) => v.metricName === 'h_seconds_bucket' && (v.labels as Record<string, unknown>).le === 0.01)?.value).toBe(0);
  });

  it('reject a value that is not a finite number, as prom-client does', () => {
    const { ours } = pair();
    expect(() => new HistogramChild(ours.histogram, { route: '/d' }).observe(Number.NaN)).toThrow(TypeError);
  });
});
