// Seeded randomness and calendar days for the made-up county: a small PRNG (mulberry32) so the
// same seed always gives the same ledgers, and days as whole numbers so date arithmetic is
// plain addition. Environment-neutral; never uses Math.random or the clock.

/** Days since 1970-01-01 (UTC calendar, no time zone). */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(iso: string): Day {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

const isoCache = new Map<Day, string>();

/** The ISO date `YYYY-MM-DD` of a day (cached: the generator prints the same days many times). */
export function isoOf(day: Day): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

export const yearOf = (day: Day): number => new Date(day * MS_PER_DAY).getUTCFullYear();

/** Monday to Friday (1970-01-01 was a Thursday). */
export const isWeekday = (day: Day): boolean => {
  const weekday = (day + 4) % 7;
  return weekday !== 0 && weekday !== 6;
};

/** The same day n months later, clamped to the month's end (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(day: Day, months: number): Day {
  const date = new Date(day * MS_PER_DAY);
  const month = date.getUTCMonth() + months;
  const year = date.getUTCFullYear() + Math.floor(month / 12);
  const monthInYear = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, monthInYear + 1, 0)).getUTCDate();
  return Date.UTC(year, monthInYear, Math.min(date.getUTCDate(), lastDay)) / MS_PER_DAY;
}

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** An independent stream for one part of the county, so changing one part leaves the others as they were. */
  fork(label: string): Random {
    let hash = this.state ^ 0x811c9dc5;
    for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
    return new Random(hash);
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Whole number in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One value of a table of [value, weight] pairs. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of table) total += weight;
    let at = this.next() * total;
    for (const [value, weight] of table) {
      at -= weight;
      if (at < 0) return value;
    }
    return table[table.length - 1]![0];
  }

  /** A whole count whose mean is `mean` (the fraction decides between floor and ceiling). */
  count(mean: number): number {
    const whole = Math.floor(mean);
    return whole + (this.chance(mean - whole) ? 1 : 0);
  }
}
