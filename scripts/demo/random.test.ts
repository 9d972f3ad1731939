import { hashString, Picker, randomInt, roundRandomly, seededRandom } from './random';

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const first = seededRandom('demo:42');
    const again = seededRandom('demo:42');
    const other = seededRandom('demo:43');
    const a = Array.from({ length: 5 }, first);
    expect(Array.from({ length: 5 }, again)).toEqual(a);
    expect(Array.from({ length: 5 }, other)).not.toEqual(a);
    for (const value of a) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('is close to uniform', () => {
    const random = seededRandom('uniform');
    let sum = 0;
    for (let i = 0; i < 100000; i++) {
      sum += random();
    }
    expect(sum / 100000).toBeGreaterThan(0.49);
    expect(sum / 100000).toBeLessThan(0.51);
  });
});

describe('hashString', () => {
  it('is FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});

describe('Picker', () => {
  it('picks in proportion to the weights and never a zero weight', () => {
    const random = seededRandom('pick');
    const picker = new Picker([
      ['a', 3],
      ['b', 1],
      ['never', 0],
    ] as const);
    const seen = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 40000; i++) {
      seen[picker.pick(random)]++;
    }
    expect(seen.never).toBe(0);
    expect(seen.a / 40000).toBeGreaterThan(0.74);
    expect(seen.a / 40000).toBeLessThan(0.76);
  });

  it('maps each random number to the item whose cumulative weight range holds it', () => {
    // Random numbers 0.1, 0.2, ... 0.9, (almost) 1 times the total weight 4: below 1 is a, the rest b.
    let state = 0;
    const random = () => (state = (state + 0.1) % 1);
    const picker = new Picker([
      ['a', 1],
      ['b', 3],
      ['never', 0],
    ]);
    const picks = Array.from({ length: 10 }, () => picker.pick(random));
    expect(picks).toEqual(['a', 'a', 'b', 'b', 'b', 'b', 'b', 'b', 'b', 'b']);
  });
});

describe('roundRandomly', () => {
  it('keeps the mean and only rounds to the two neighbours', () => {
    const random = seededRandom('round');
    let sum = 0;
    for (let i = 0; i < 20000; i++) {
      const value = roundRandomly(random, 2.25);
      expect([2, 3]).toContain(value);
      sum += value;
    }
    expect(sum / 20000).toBeGreaterThan(2.23);
    expect(sum / 20000).toBeLessThan(2.27);
  });
});

describe('randomInt', () => {
  it('covers both ends of the range', () => {
    const random = seededRandom('int');
    const values = new Set(Array.from({ length: 200 }, () => randomInt(random, 1, 3)));
    expect([...values].sort()).toEqual([1, 2, 3]);
  });
});
