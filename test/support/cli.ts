import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

// The built command, as a planner runs it (npm test builds dist/ first).
export const REPOSITORY = new URL('../../', import.meta.url).pathname;
export const CLI = new URL('dist/cli.js', new URL('../../', import.meta.url)).pathname;

/** Runs `queuecast ...args` from the repository's root; never throws, so a test reads the exit code. */
export async function queuecast(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd: REPOSITORY, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
