import { describe, expect, it } from 'vitest';
import { SlotTagger, tagRuns } from '../../../core/nlu/slot-tagger.ts';
import type { TaggerExample } from '../../../core/nlu/slot-tagger.ts';
import { taggerFeatures } from '../../../core/nlu/tagger-features.ts';
import { tokenize } from '../../../core/nlu/text.ts';

const TYPES = ['artist', 'track'];

// "play <track> by <artist>": 1-2 word names, tags 1/2 = B/I-artist, 3/4 = B/I-track.
function example(track: string, artist: string): TaggerExample {
  const text = `play ${track} by ${artist}`;
  const tokens = tokenize(text);
  const nTrack = track.split(' ').length;
  const nArtist = artist.split(' ').length;
  const tags = [0, 3, ...Array.from({ length: nTrack - 1 }, () => 4), 0, 1, ...Array.from({ length: nArtist - 1 }, () => 2)];
  return { features: taggerFeatures(tokens), tags: Int32Array.from(tags) };
}

const TRAIN = [
  example('yellow', 'coldplay'), example('hey jude', 'the beatles'), example('angie', 'rolling stones'),
  example('thriller', 'michael jackson'), example('roxanne', 'the police'), example('creep', 'radiohead'),
  example('blue monday', 'new order'), example('hurt', 'johnny cash'), example('one', 'metallica'),
  example('dreams', 'fleetwood mac'), example('jolene', 'dolly parton'), example('wonderwall', 'oasis'),
];

function spans(tagger: SlotTagger, text: string): string[] {
  const tokens = tokenize(text);
  return tagRuns(tagger, tagger.decode(taggerFeatures(tokens)))
    .map((run) => `${run.type}:${tokens.slice(run.from, run.to + 1).map((t) => t.text).join(' ')}`);
}

describe('SlotTagger training', () => {
  it.each([0, 0.5, 2])('with a training margin of %s, tags names it never saw by their context', (margin) => {
    const tagger = SlotTagger.train(TYPES, TRAIN, { seed: 3, margin });
    expect(spans(tagger, 'play vertigo by sting')).toEqual(['track:vertigo', 'artist:sting']);
    expect(spans(tagger, 'play clocks by arctic monkeys')).toEqual(['track:clocks', 'artist:arctic monkeys']);
  });

  it('is deterministic for a seed, margin included', () => {
    const a = SlotTagger.train(TYPES, TRAIN, { seed: 5, margin: 0.5 });
    const b = SlotTagger.train(TYPES, TRAIN, { seed: 5, margin: 0.5 });
    expect(Array.from(a.entryWeights)).toEqual(Array.from(b.entryWeights));
    expect(Array.from(a.transitions)).toEqual(Array.from(b.transitions));
  });

  it('with a margin, keeps training on sentences the plain perceptron already gets right by a hair', () => {
    // Cost-augmented decoding makes more updates, so the margin-trained model moves further from zero.
    const plain = SlotTagger.train(TYPES, TRAIN, { seed: 5, margin: 0, bags: 1 });
    const margined = SlotTagger.train(TYPES, TRAIN, { seed: 5, margin: 2, bags: 1 });
    const size = (t: SlotTagger): number => t.entryWeights.reduce((s, w) => s + Math.abs(w), 0);
    expect(size(margined)).toBeGreaterThan(size(plain));
  });
});
