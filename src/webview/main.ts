/// <reference lib="dom" />
/**
 * Entry point of the Maturity webview (bundled as a browser IIFE into dist/webview.js).
 * The host's HTML provides `<div id="root">`; if it does not, one is created.
 */
import { createApp, type VsCodeApi } from './app';

declare function acquireVsCodeApi(): VsCodeApi;

// Exactly once: a second call throws in VS Code.
const vscode = acquireVsCodeApi();
let root = document.getElementById('root');
if (!root) {
  root = document.createElement('div');
  root.id = 'root';
  document.body.appendChild(root);
}
createApp(document, vscode, root);
