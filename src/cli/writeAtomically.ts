/** Writing a report whole or not at all. */
import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * Write to a temporary file beside the target, then rename it over the target, so a full
 * disk or a killed job never leaves half a report that looks complete.
 */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}
