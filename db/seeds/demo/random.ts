/**
 * A seeded pseudo-random generator, so that every run of the demo seed produces the same rows.
 * The core is mulberry32: a 32-bit state advanced by a Weyl increment and mixed with two
 * multiply-xorshift rounds. It is fast and good enough for test data, not for anything secret.
 */
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** Creates an independent generator for `label`, so adding draws elsewhere changes nothing. */
  static forLabel(seed: number, label: string): Random {
    return new Random(hashString(label) ^ seed);
  }

  /** Returns a float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let mixed = this.#state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  }

  /** Returns an integer in [min, max], both ends included. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Whether an event of probability `probability` happens on this draw. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Returns one element of `items`, which must not be empty. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick() needs at least one item.');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Returns one element of `items`, drawn in proportion to `weight(item)`. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let threshold = this.next() * total;
    for (const item of items) {
      threshold -= weight(item);
      if (threshold < 0) return item;
    }
    return this.pick(items);
  }

  /** Returns `count` distinct elements of `items` in random order (Fisher-Yates). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index -= 1) {
      const other = Math.floor(this.next() * (index + 1));
      [copy[index], copy[other]] = [copy[other], copy[index]];
    }
    return copy.slice(0, count);
  }
}

/** Hashes `text` to 32 bits (FNV-1a), to derive a seed from a label. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
