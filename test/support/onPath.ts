import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where `command` is on PATH (as a shell would find it), or undefined when it is not there. */
export function onPath(command: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (folder === '') continue;
    const file = join(folder, command);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/**
 * Why a test that needs `command` was skipped, with how to install it: the closing line
 * (closingLine.ts) collects these, so a run without it says what it did not test.
 */
export function missingReason(command: string, debianPackage: string): string {
  return `${command} is not on PATH (apt-get install ${debianPackage}; in CI such tests run and fail instead)`;
}
