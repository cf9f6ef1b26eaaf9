// CSV rows from text that arrives a chunk at a time, each with the file line it starts on. Most
// rows of an export hold no quote: they are cut at the delimiter by `split`, which a benchmark
// found several times faster than a general parser (benchmarks/README.md, "Reading call
// records"); a row with a quote goes through a quote-aware scan that may span lines.

/** Rows cut from a chunk of text: each row's fields (trimmed) and the file line it starts on (the first line is 1). */
export interface CsvRows {
  fields: string[][];
  lines: number[];
}

const QUOTE = '"';
/** A row open this long is a quote never closed, not a call record. */
const MAX_ROW_CHARS = 1 << 20;

/**
 * Splits CSV text into rows, chunk by chunk: comma, tab or semicolon separated (whichever the
 * header uses most), fields trimmed, blank lines skipped, a byte-order mark dropped, quoted fields
 * with doubled quotes, delimiters and line breaks inside.
 *
 * @example
 * const splitter = new CsvSplitter();
 * splitter.push('a,b\n1,'); // { fields: [['a', 'b']], lines: [1] }
 * splitter.push('2\n'); // { fields: [['1', '2']], lines: [2] }
 */
export class CsvSplitter {
  private delimiter: string | undefined;
  /** Text of a row not yet complete, carried to the next chunk. */
  private rest = '';
  /** The file line `rest` starts on. */
  private line = 1;
  private started = false;

  /** The rows the chunk completes. */
  push(chunk: string): CsvRows {
    let text = this.rest + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return this.scan(text, false);
  }

  /** The last row, if the text did not end with a line break; throws a `CsvSyntaxError` on a quote never closed. */
  end(): CsvRows {
    const rows = this.scan(this.rest, true);
    this.rest = '';
    return rows;
  }

  /** Cuts the complete rows of `text`; keeps the incomplete rest for the next chunk. */
  private scan(text: string, last: boolean): CsvRows {
    const rows: CsvRows = { fields: [], lines: [] };
    const lines = text.split('\n');
    // Without a final line break, the last piece is a row still coming (or, at the end, the last row).
    const complete = last ? lines.length : lines.length - 1;
    this.rest = last ? '' : lines[complete]!;
    for (let i = 0; i < complete; i++) {
      const lineText = lines[i]!;
      this.delimiter ??= delimiterOf(lineText);
      if (lineText.indexOf(QUOTE) < 0) {
        if (lineText.length > 1 || (lineText.length === 1 && lineText.charCodeAt(0) > 32) || lineText.trim() !== '') {
          rows.fields.push(splitTrimmed(lineText, this.delimiter));
          rows.lines.push(this.line);
        }
        this.line++;
        continue;
      }
      // A quoted field may hold line breaks: the row goes on while an odd number of quotes is open.
      let row = lineText;
      let j = i;
      while (quotesIn(row) % 2 === 1 && j + 1 < complete) row += `\n${lines[++j]!}`;
      if (quotesIn(row) % 2 === 1) {
        if (last) throw new CsvSyntaxError(this.line);
        this.rest = lines.slice(i).join('\n');
        if (this.rest.length > MAX_ROW_CHARS) throw new CsvSyntaxError(this.line);
        return rows;
      }
      rows.fields.push(quotedRow(row, this.delimiter));
      rows.lines.push(this.line);
      this.line += j - i + 1;
      i = j;
    }
    return rows;
  }
}

/** A quote opened and never closed: the rest of the file would be one field. */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';

  constructor(readonly line: number) {
    super(`line ${line}: a quoted field is never closed`);
  }
}

function delimiterOf(header: string): string {
  let best = ',';
  let most = 0;
  for (const candidate of [',', '\t', ';']) {
    const count = header.split(candidate).length - 1;
    if (count > most) [best, most] = [candidate, count];
  }
  return best;
}

function splitTrimmed(line: string, delimiter: string): string[] {
  const fields = line.split(delimiter);
  // Most rows have no blank to trim but a CRLF file's carriage return: look once for the row.
  if (line.indexOf(' ') < 0 && (delimiter === '\t' || line.indexOf('\t') < 0)) {
    const last = fields[fields.length - 1]!;
    if (last.length > 0 && last.charCodeAt(last.length - 1) === 13) fields[fields.length - 1] = last.trim();
    return fields;
  }
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    // Most fields have no surrounding blanks: look before calling trim.
    if (field.length > 0 && (field.charCodeAt(0) <= 32 || field.charCodeAt(field.length - 1) <= 32)) fields[i] = field.trim();
  }
  return fields;
}

function quotesIn(text: string): number {
  let count = 0;
  for (let at = text.indexOf(QUOTE); at >= 0; at = text.indexOf(QUOTE, at + 1)) count++;
  return count;
}

/** The fields of one row whose quotes are balanced. */
function quotedRow(row: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i <= row.length; i++) {
    const c = i < row.length ? row[i]! : delimiter;
    if (quoted) {
      if (c !== QUOTE) field += c;
      else if (row[i + 1] === QUOTE) {
        field += QUOTE;
        i++;
      } else quoted = false;
    } else if (c === QUOTE && !wasQuoted && field.trim() === '') {
      quoted = true;
      wasQuoted = true;
      field = '';
    } else if (c === delimiter) {
      fields.push(wasQuoted ? field : field.trim());
      field = '';
      wasQuoted = false;
    } else if (!(wasQuoted && c.trim() === '')) field += c;
  }
  return fields;
}
