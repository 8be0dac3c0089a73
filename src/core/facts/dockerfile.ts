/**
 * Dockerfiles and Containerfiles: their instructions (continuations joined, comments and
 * parser directives dropped, heredoc bodies kept) and the base images `FROM` pulls.
 */
import type { DockerImageRef, DockerInstruction } from '../model/facts';
import type { Extractor } from './extractor';

/** Instructions that may take a heredoc body. */
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

export const extractor: Extractor = {
  id: 'dockerfile',
  files: ['**/Dockerfile', '**/Dockerfile.*', '**/*.Dockerfile', '**/Containerfile', '**/Containerfile.*'],
  extract(file) {
    // BuildKit's per-Dockerfile ignore file matches `Dockerfile.*` but is no Dockerfile.
    if (/\.dockerignore$/i.test(file.path)) return {};
    const instructions = parseInstructions(file.path, file.text);
    return { dockerfiles: [{ path: file.path, instructions, from: baseImages(instructions) }] };
  },
};

/** Parse a Dockerfile into instructions, each at the line it starts on. */
function parseInstructions(path: string, text: string): DockerInstruction[] {
  const lines = text.split(/\r?\n/);
  const instructions: DockerInstruction[] = [];
  let escape = '\\';
  let i = 0;
  // Parser directives (`# syntax=`, `# escape=`) are only recognised before anything else.
  for (; i < lines.length; i++) {
    const directive = /^#\s*(\w+)\s*=\s*(\S*)\s*$/.exec(lines[i]);
    if (!directive) break;
    if (directive[1].toLowerCase() === 'escape' && directive[2]) escape = directive[2];
  }
  while (i < lines.length) {
    let start = -1;
    const parts: string[] = [];
    for (; i < lines.length; i++) {
      const line = lines[i].trim();
      // Blank and comment lines are dropped everywhere, even between continuation lines.
      if (line === '' || line.startsWith('#')) continue;
      if (start < 0) start = i;
      const continued = line.endsWith(escape);
      parts.push(continued ? line.slice(0, -escape.length).trim() : line);
      if (!continued) {
        i++;
        break;
      }
    }
    const match = /^(\S+)\s*([\s\S]*)$/.exec(parts.join(' ').trim());
    if (!match) break;
    const keyword = match[1].toUpperCase();
    let args = match[2];
    // BuildKit heredocs (`RUN <<EOF ... EOF`): the body belongs to the instruction.
    const heredoc = HEREDOC_KEYWORDS.has(keyword) ? /(?<!<)<<(-?)["']?(\w+)["']?/.exec(args) : null;
    if (heredoc) {
      const body: string[] = [];
      for (; i < lines.length; i++) {
        const candidate = heredoc[1] ? lines[i].replace(/^\t+/, '') : lines[i];
        if (candidate === heredoc[2]) {
          i++;
          break;
        }
        body.push(lines[i]);
      }
      args = [args, ...body].join('\n');
    }
    instructions.push({ path, line: start + 1, keyword, args });
  }
  return instructions;
}

/**
 * The base images of `FROM` instructions. Global `ARG`s (before the first `FROM`) are
 * substituted with their defaults; a reference that stays variable is not pinned.
 * `FROM <earlier stage>` builds on that stage, not on an image, and is skipped.
 */
function baseImages(instructions: DockerInstruction[]): DockerImageRef[] {
  const args = new Map<string, string | undefined>();
  const stages = new Set<string>();
  const images: DockerImageRef[] = [];
  let seenFrom = false;
  for (const { path, line, keyword, args: text } of instructions) {
    if (keyword === 'ARG' && !seenFrom) {
      for (const [, name, value] of text.matchAll(/([A-Za-z_]\w*)(?:=("[^"]*"|'[^']*'|\S*))?/g)) {
        args.set(name, value?.replace(/^["']|["']$/g, ''));
      }
    }
    if (keyword !== 'FROM') continue;
    seenFrom = true;
    const [reference = '', as, stage] = text.split(/\s+/).filter((word) => !word.startsWith('--'));
    let variable = false;
    const resolved = reference.replace(/\$\{(\w+)(?::-([^}]*))?\}|\$(\w+)/g, (written, braced, fallback, bare) => {
      const value = args.get(braced ?? bare) || fallback;
      variable ||= value === undefined;
      return value ?? written;
    });
    if (resolved && !stages.has(resolved.toLowerCase())) images.push({ path, line, ...imageRef(resolved, variable) });
    if (as?.toLowerCase() === 'as' && stage) stages.add(stage.toLowerCase());
  }
  return images;
}

/** Split `registry:5000/org/name:tag@sha256:...` into image, tag and digest. */
function imageRef(reference: string, variable: boolean): Omit<DockerImageRef, 'path' | 'line'> {
  if (reference.toLowerCase() === 'scratch') return { image: 'scratch', pinned: true };
  const [name, digest] = reference.split('@', 2);
  const colon = name.lastIndexOf(':');
  const tag = colon > name.lastIndexOf('/') ? name.slice(colon + 1) : undefined;
  const image = tag === undefined ? name : name.slice(0, colon);
  const pinned = !variable && (digest !== undefined || (tag !== undefined && tag !== 'latest'));
  return { image, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }), pinned };
}
