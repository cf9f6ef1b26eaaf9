// CSV rows from text that arrives a chunk at a time, each with the file line it starts on. Most
// rows of an export hold no quote: they are cut at the delimiter by `split`, which a benchmark
// found several times faster than a general parser (benchmarks/README.md, "Reading call
// records"); a row with a quote goes through a quote-aware scan that may span lines.

/** One row: its fields (trimmed) and the file line it starts on (the first line is 1). */
export interface CsvRow {
  fields: string[];
  line: number;
}

const QUOTE = '"';

/**
 * Splits CSV text into rows, chunk by chunk: comma, tab or semicolon separated (whichever the
 * header uses most), fields trimmed, blank lines skipped, a byte-order mark dropped, quoted fields
 * with doubled quotes, delimiters and line breaks inside.
 *
 * @example
 * const splitter = new CsvSplitter();
 * const rows = [...splitter.push('a,b\n1,'), ...splitter.push('2\n'), ...splitter.end()];
 * // [{ fields: ['a', 'b'], line: 1 }, { fields: ['1', '2'], line: 2 }]
 */
export class CsvSplitter {
  private delimiter: string | undefined;
  /** Text of a row not yet complete, carried to the next chunk. */
  private rest = '';
  /** The file line `rest` starts on. */
  private line = 1;
  private started = false;

  /** The rows the chunk completes. */
  push(chunk: string): CsvRow[] {
    let text = this.rest + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const rows: CsvRow[] = [];
    this.rest = text.slice(this.scan(text, rows, false));
    return rows;
  }

  /** The last row, if the text did not end with a line break; throws a `CsvSyntaxError` on a quote never closed. */
  end(): CsvRow[] {
    const rows: CsvRow[] = [];
    if (this.rest.length > 0) this.scan(this.rest, rows, true);
    this.rest = '';
    return rows;
  }

  /** Cuts the complete rows of `text` into `rows`; returns where the incomplete rest begins. */
  private scan(text: string, rows: CsvRow[], last: boolean): number {
    let at = 0;
    while (at < text.length) {
      let newline = text.indexOf('\n', at);
      if (newline < 0) {
        if (!last) return at;
        newline = text.length;
      }
      let lineEnd = newline;
      if (lineEnd > at && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      const lineText = text.slice(at, lineEnd);
      this.delimiter ??= delimiterOf(lineText);
      if (lineText.indexOf(QUOTE) < 0) {
        if (lineText.trim() !== '') rows.push({ fields: splitTrimmed(lineText, this.delimiter), line: this.line });
        this.line++;
        at = newline + 1;
        continue;
      }
      const quoted = quotedRow(text, at, this.delimiter, last);
      if (quoted === undefined) return at; // a quoted line break: wait for the rest
      if (quoted === 'unclosed') throw new CsvSyntaxError(this.line);
      rows.push({ fields: quoted.fields, line: this.line });
      this.line += quoted.lines;
      at = quoted.end;
    }
    return at;
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
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    // Most fields have no surrounding blanks: look before calling trim.
    if (field.length > 0 && (field.charCodeAt(0) <= 32 || field.charCodeAt(field.length - 1) <= 32)) fields[i] = field.trim();
  }
  return fields;
}

/** One row from `start`, quotes honoured; undefined when the text ends inside it (more is coming), 'unclosed' when no more is. */
function quotedRow(text: string, start: number, delimiter: string, last: boolean): { fields: string[]; end: number; lines: number } | 'unclosed' | undefined {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let lines = 1;
  for (let i = start; i <= text.length; i++) {
    const c = i < text.length ? text[i]! : '\n';
    if (quoted) {
      if (i === text.length) {
        if (!last) return undefined;
        return 'unclosed';
      }
      if (c === QUOTE) {
        if (text[i + 1] === QUOTE) {
          field += QUOTE;
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') lines++;
        field += c;
      }
    } else if (c === QUOTE && field.trim() === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      field = '';
    } else if (c === delimiter || c === '\n') {
      fields.push(wasQuoted ? field : field.trim());
      field = '';
      wasQuoted = false;
      if (c === '\n') {
        if (i === text.length && !last) return undefined;
        return { fields, end: i + 1, lines };
      }
    } else if (!(wasQuoted && (c === ' ' || c === '\t' || c === '\r'))) field += c;
  }
  return undefined;
}
