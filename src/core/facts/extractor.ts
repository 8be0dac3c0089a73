/**
 * The contract between the scanner and the fact extractors: one extractor per file
 * format, declaring the files it reads and turning each into facts.
 */
import type { Facts, ScanWarning } from '../model/facts';

/** A text file handed to an extractor (already size-capped, decoded, BOM stripped). */
export interface SourceFile {
  path: string;
  text: string;
}

/** What an extractor may ask of the scanner while extracting. */
export interface ExtractContext {
  /** Read another repository file (repository-relative path); undefined when absent or unreadable. */
  read(path: string): Promise<string | undefined>;
  /** Whether the repository has this file (after ignore rules); nothing is read. */
  exists(path: string): boolean;
  /** Record a problem in this file; extraction goes on. */
  warn(warning: ScanWarning): void;
}

/** The facts one file contributes; arrays are appended to the scan's facts. */
export type FactsPatch = Partial<Pick<Facts,
  | 'dependencies' | 'requirementsFiles' | 'imports' | 'calls' | 'notebooks' | 'ci' | 'dvc'
  | 'mlprojects' | 'manifests' | 'dockerfiles' | 'manualSteps' | 'yamlDocuments'>>;

/** A fact extractor for one file format. */
export interface Extractor {
  id: string;
  /** minimatch globs (matched with `dot: true`, case-insensitively) over repository paths. */
  files: string[];
  /** Throwing marks the whole file as unparseable (a scan warning); use `ctx.warn` for partial problems. */
  extract(file: SourceFile, ctx: ExtractContext): FactsPatch | Promise<FactsPatch>;
}
