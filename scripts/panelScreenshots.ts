/**
 * Screenshots of the Maturity panel on real repositories, in the real workbench (the E2E
 * harness: code-server + Chromium, the packaged .vsix), for a human to look at.
 * Usage: npm run e2e:screenshots -- <repository folder>...
 * For each folder: the top of the panel (level, why, gaps, trade-offs, next steps) and the
 * practice list, as test-artifacts/real/<folder name>-top.png and -practices.png. Each
 * folder is audited in place and only read.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { REPO_ROOT, clickActivityBarItem, findWebviewFrame, startEditor } from '../test/e2e/harness';

const OUT = join(REPO_ROOT, 'test-artifacts', 'real');
const VSIX = join(REPO_ROOT, 'mlops-lens.vsix');

async function shoot(folder: string): Promise<string[]> {
  const name = basename(folder);
  // The harness keeps user data and extensions in a throwaway folder: nothing is written to the repository.
  const editor = await startEditor({ workspace: folder, extensions: [VSIX], settings: { 'mlopsLens.auditOnOpen': true } });
  try {
    const { page } = editor;
    await clickActivityBarItem(page, 'MLOps Lens');
    const frame = await findWebviewFrame(page, /Level \d —/, 300_000);
    // Away from the activity bar, whose tooltip would cover the panel.
    await page.mouse.move(800, 500);
    await page.waitForTimeout(500);
    const files: string[] = [];
    const top = join(OUT, `${name}-top.png`);
    await frame.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: top });
    files.push(top);
    await frame.evaluate('document.querySelector(\'summary[data-key="sec:practices"]\').scrollIntoView({ block: "start" })');
    const practices = join(OUT, `${name}-practices.png`);
    await page.screenshot({ path: practices });
    files.push(practices);
    const text = await frame.evaluate('document.body.innerText') as string;
    writeFileSync(join(OUT, `${name}.txt`), text);
    files.push(join(OUT, `${name}.txt`));
    return files;
  } finally {
    await editor.close();
  }
}

async function main(): Promise<void> {
  const folders = process.argv.slice(2).map((f) => resolve(f));
  if (folders.length === 0) {
    process.stderr.write('Usage: npm run e2e:screenshots -- <repository folder>...\n');
    process.exit(2);
  }
  if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: npm run package`);
  mkdirSync(OUT, { recursive: true });
  for (const folder of folders) {
    if (!existsSync(folder)) {
      process.stderr.write(`skipped ${folder}: no such folder\n`);
      continue;
    }
    const files = await shoot(folder);
    process.stdout.write(`${basename(folder)}: ${files.join(', ')}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`e2e:screenshots: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
