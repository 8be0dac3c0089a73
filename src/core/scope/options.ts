/** The user's say over which files count as the team's practice (`scope` in .mlops-lens.yaml). */
export interface ScopeOptions {
  /** Judge a template repository as the project it generates. */
  templates: boolean;
  /** `auto`: detected (declares a distribution and CI publishes it); `always` / `never`: as the user says. */
  library: 'auto' | 'always' | 'never';
  /** Signals of general-purpose workflow tools (scope.yaml `mlCode.generalTools`) need ML code in the repository. */
  requireMlCode: boolean;
  /** Leave out folders of retired code (scope.yaml `retiredFolders`, e.g. `archive/`). */
  retired: boolean;
}

export const DEFAULT_SCOPE_OPTIONS: ScopeOptions = { templates: true, library: 'auto', requireMlCode: true, retired: true };

