/** In the extension host, on the ci-no-tests fixture: activation, commands, diagnostics, quick fix. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'mlops-lens.mlops-lens';

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

suite('MLOps Lens in the extension host', () => {
  test('activates on an ML workspace and registers its commands', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    await extension.activate();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['mlopsLens.audit', 'mlopsLens.exportReport', 'mlopsLens.showEvidence', 'mlopsLens.explainPractice', 'mlopsLens.createConfig', 'mlopsLens.suppress', 'mlopsLens.unsuppress']) {
      assert.ok(commands.includes(id), id);
    }
  });

  test('Audit Workspace puts findings in the Problems panel', async () => {
    await vscode.commands.executeCommand('mlopsLens.audit');
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const workflow = vscode.Uri.joinPath(folder, '.github', 'workflows', 'ci.yml');
    const diagnostics = await until(() => {
      const found = vscode.languages.getDiagnostics(workflow).filter((d) => d.source === 'MLOps Lens');
      return found.length > 0 ? found : undefined;
    }, 'a diagnostic on the CI workflow');
    assert.match(diagnostics[0].message, /never runs the tests/);
    const code = diagnostics[0].code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'ci-runs-tests');
    assert.match(code.target.toString(), /^https:\/\//);
  });

  test('the seed quick fix applies to the training script', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const train = vscode.Uri.joinPath(folder, 'train.py');
    const document = await vscode.workspace.openTextDocument(train);
    const diagnostic = await until(() => vscode.languages.getDiagnostics(train).find((d) => /random seed/.test(d.message)), 'the seed diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', train, diagnostic.range);
    const fix = actions.find((a) => a.title.startsWith('Seed'));
    assert.ok(fix?.edit, 'a seed quick fix with an edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.getText(), /np\.random\.seed\(SEED\)/);
  });
});
