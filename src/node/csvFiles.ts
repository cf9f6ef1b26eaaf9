// CSV files as rows, streamed a chunk at a time: plain or gzip-compressed (`.gz`), decoded as
// UTF-8, each row with the file line it starts on.
import { createReadStream } from 'node:fs';
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CsvSplitter, CsvSyntaxError, type CsvRows } from './csvRows';

/** Why a file could not be read as CSV at all, as a phrase after its name ("cannot be read (ENOENT)"). */
export class CsvFileError extends Error {
  override readonly name = 'CsvFileError';
}

// 64 KiB: a chunk's rows die young; with 1 MiB chunks they outlived the young generation and the read took twice the time.
const CHUNK_BYTES = 1 << 16;

/** The file's bytes, gunzipped when its name ends in `.gz`. */
export function openText(file: string): Readable {
  const bytes = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  return file.toLowerCase().endsWith('.gz') ? bytes.pipe(createGunzip({ chunkSize: CHUNK_BYTES })).on('close', () => bytes.destroy()) : bytes;
}

/**
 * The rows of a CSV file, a batch per chunk read (so a caller loops synchronously over most rows).
 * Throws a `CsvFileError` saying why when the file cannot be opened, unzipped or split.
 *
 * @example
 * for await (const { fields, lines } of csvFileRows('calls.csv.gz')) fields.forEach((row, i) => console.log(lines[i], row));
 */
export async function* csvFileRows(file: string, open: (file: string) => Readable = openText): AsyncGenerator<CsvRows> {
  const splitter = new CsvSplitter();
  const decoder = new StringDecoder('utf8');
  // ASCII chunks are copied as Latin-1, several times faster than decoding UTF-8; once a chunk is
  // not ASCII, the decoder takes every chunk after it (it may hold a character's first bytes).
  let ascii = true;
  const stream = open(file);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      if (typeof chunk === 'string') yield splitter.push(chunk);
      else {
        ascii &&= isAscii(chunk);
        yield splitter.push(ascii ? chunk.toString('latin1') : decoder.write(chunk));
      }
    }
    yield splitter.push(decoder.end());
    yield splitter.end();
  } catch (error) {
    throw new CsvFileError(whyUnreadable(error));
  } finally {
    stream.destroy();
  }
}

/** Why a file cannot be read as CSV, as a phrase after its name ("cannot be read (ENOENT)"). */
export function whyUnreadable(error: unknown): string {
  if (error instanceof CsvSyntaxError) return `is not readable CSV: ${error.message}`;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') return `cannot be read (${code})`;
  if (code?.startsWith('Z_')) return `is not a readable gzip file (${(error as Error).message})`;
  return `cannot be read: ${(error as Error).message}`;
}
