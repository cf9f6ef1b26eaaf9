// Output files checked before a run, so that a typo in `--out` costs a second, not the whole
// simulation and then a stack trace.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './errors';

/**
 * Throws a `UsageError` listing every output that could not be written: a folder that does
 * not exist (or is not a folder), one this user may not write to, a path that is a folder.
 * `outputs` maps each option (`--out`) to its file; options not given are left out.
 */
export function checkOutputPaths(outputs: Readonly<Record<string, string | boolean | undefined>>): void {
  const problems: string[] = [];
  for (const [option, file] of Object.entries(outputs)) {
    if (typeof file !== 'string') continue;
    const problem = outputProblem(file);
    if (problem) problems.push(`${option} ${file}: ${problem}`);
  }
  if (problems.length === 1) throw new UsageError(`cannot write ${problems[0]}`);
  if (problems.length > 1) throw new UsageError(`cannot write ${problems.length} outputs:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

/** Why `file` cannot be written, or undefined when it can. */
function outputProblem(file: string): string | undefined {
  const folder = dirname(resolve(file));
  try {
    const folderStat = statSync(folder, { throwIfNoEntry: false });
    if (!folderStat) return `the folder ${folder} does not exist`;
    if (!folderStat.isDirectory()) return `${folder} is not a folder`;
    const fileStat = statSync(file, { throwIfNoEntry: false });
    if (fileStat?.isDirectory()) return 'it is a folder';
    try {
      accessSync(fileStat ? file : folder, constants.W_OK);
    } catch {
      return fileStat ? 'the file is read-only' : `the folder ${folder} is not writable`;
    }
  } catch (error) {
    return `cannot be reached (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  return undefined;
}
