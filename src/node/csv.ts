/**
 * Tidy rows (flat objects) as CSV: a header from the first row's fields, one line per row,
 * fields quoted when they hold a comma, a quote or a line break. Numbers are written in full
 * precision; null and undefined as empty fields.
 *
 * @example
 * toCsv(report.intervals); // "intervalStart,intervalEnd,warmup,arrivals,...\n0,1800,false,412,..."
 */
export function toCsv(rows: ReadonlyArray<Record<string, unknown>>): string {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0]!);
  const lines = [columns.map(field).join(',')];
  for (const row of rows) lines.push(columns.map((column) => field(row[column])).join(','));
  return `${lines.join('\n')}\n`;
}

function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
