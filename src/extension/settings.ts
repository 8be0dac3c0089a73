/** The extension's settings for one workspace folder (`mlopsLens.*`, resource-scoped). */
import * as vscode from 'vscode';
import type { StageId } from '../core/model/knowledge';
import type { FindingSeverity } from '../core/model/report';

export interface FolderSettings {
  stage?: StageId;
  excludes: string[];
  diagnostics: boolean;
  minimumSeverity: FindingSeverity;
  auditOnOpen: boolean;
}

export function readSettings(folder: vscode.WorkspaceFolder): FolderSettings {
  const config = vscode.workspace.getConfiguration('mlopsLens', folder.uri);
  const stage = config.get<string>('stage', 'auto');
  return {
    ...(stage === 'prototype' || stage === 'pilot' || stage === 'production' ? { stage } : {}),
    excludes: config.get<string[]>('excludes', []).filter((e) => typeof e === 'string'),
    diagnostics: config.get<boolean>('diagnostics.enabled', true),
    minimumSeverity: config.get<FindingSeverity>('diagnostics.minimumSeverity', 'info'),
    auditOnOpen: config.get<boolean>('auditOnOpen', true),
  };
}
