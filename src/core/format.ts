import type { Figure } from './analysis/types';

const MAGNITUDES: readonly [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** A number for people: `7500000000` → `7.5 billion`, `630` → `630`, `0.25` → `0.25` (English, no locale). */
export function formatNumber(value: number): string {
  for (const [size, word] of MAGNITUDES) {
    if (Math.abs(value) >= size) return `${trim(value / size)} ${word}`;
  }
  return Math.abs(value) >= 1000 ? Math.round(value).toString().replace(/\B(?=(\d{3})+$)/g, ',') : trim(value);
}

/** At most three decimals, without trailing zeros. */
function trim(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/**
 * A figure's normalised value in words: `7.5 billion USD`, `25 percent`, `between 2 and 2.5 degree Celsius`,
 * `2018-01-17`, or `no exact value` for vague magnitudes (`hundreds of billions`).
 */
export function describeFigureValue(figure: Pick<Figure, 'value' | 'unit'>): string {
  const { value, unit } = figure;
  if (value === null) return 'no exact value';
  if (typeof value === 'string') return value;
  const amount = typeof value === 'number' ? formatNumber(value) : `between ${formatNumber(value[0])} and ${formatNumber(value[1])}`;
  if (!unit || unit === 'count' || unit === 'year' || unit === 'ordinal') return amount;
  return `${amount} ${unit}`;
}
