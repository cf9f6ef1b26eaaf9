// How the HTML report writes numbers and text: estimates scaled and rounded to their
// confidence interval, signs, arrows, and text made safe for HTML.
import { decimalsFor as decimalsOfFigure, formatNumber } from '../charts/figureText';
import type { Estimate } from '../experiment';

export { formatNumber };


/** How a figure is shown: scaled from the report's unit, with at most so many decimals. */
export interface Scale {
  factor: number;
  maxDecimals: number;
}

export const COUNT: Scale = { factor: 1, maxDecimals: 1 };
export const MINUTES: Scale = { factor: 1 / 60, maxDecimals: 2 };
export const HOURS: Scale = { factor: 1, maxDecimals: 2 };
export const PERCENT: Scale = { factor: 100, maxDecimals: 2 };


export function groupHeader(title: string, columns: number): string {
  return `<tr class="group"><th scope="rowgroup" colspan="${columns}">${escapeHtml(title)}</th></tr>\n`;
}

export function cell(e: Estimate, scale: Scale, withSign: boolean, level: string): string {
  const decimals = decimalsFor(e, scale);
  const mean = (withSign ? signedNumber : formatNumber)(e.mean * scale.factor, decimals);
  const hw = formatNumber(e.halfWidth * scale.factor, decimals);
  const low = formatNumber(e.low * scale.factor, decimals);
  const high = formatNumber(e.high * scale.factor, decimals);
  return `<td><span class="mean">${escapeHtml(mean)}</span> <span class="pm">± ${escapeHtml(hw)}</span><span class="ci" title="${escapeHtml(level)} confidence interval">${escapeHtml(low)} to ${escapeHtml(high)}</span></td>`;
}

// The charts write the same figures with the same rounding (src/charts/figureText.ts).
export const decimalsFor = (e: Estimate, scale: Scale) => decimalsOfFigure(e.mean * scale.factor, e.halfWidth * scale.factor, scale.maxDecimals);

export const plain = (e: Estimate, scale: Scale) => formatNumber(e.mean * scale.factor, decimalsFor(e, scale));
export const signed = (e: Estimate, scale: Scale) => signedNumber(e.mean * scale.factor, decimalsFor(e, scale));
/** `baseline → variant`, both with the same decimals. */
export function arrow(baseline: Estimate, variant: Estimate, scale: Scale, unit = ''): string {
  const decimals = Math.max(decimalsFor(baseline, scale), decimalsFor(variant, scale));
  return `${formatNumber(baseline.mean * scale.factor, decimals)}${unit} → ${formatNumber(variant.mean * scale.factor, decimals)}${unit}`;
}
export const halfWidth = (e: Estimate, scale: Scale) => formatNumber(e.halfWidth * scale.factor, decimalsFor(e, scale));

export function upToOneDecimal(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

export function signedNumber(x: number, decimals: number): string {
  const text = formatNumber(x, decimals);
  return x > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

export function formatDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Text made safe to put in HTML, in element content and in quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };


/** A headline card: what it is, the figure, and its interval or context. */
export interface Card {
  label: string;
  value: string;
  detail: string;
}

/** Cards as a grid of key figures. */
export function cardsHtml(cards: readonly Card[], className = 'key-figures'): string {
  return `<div class="${className}">
${cards
  .map(
    (card) => `<div class="card"><div class="card-label">${escapeHtml(card.label)}</div><div class="card-value">${escapeHtml(card.value)}</div><div class="card-detail">${escapeHtml(card.detail)}</div></div>`,
  )
  .join('\n')}
</div>`;
}
