import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../src/core/facts/dockerfile';
import { extractText, lines } from './extractStub';

const PATH = 'docker/Dockerfile';

const DOCKERFILE = [
  '# syntax=docker/dockerfile:1.6',
  '# escape=\\',
  '',
  'ARG BASE=python:3.11-slim',
  'ARG CUDA',
  '# build stage',
  'FROM --platform=$BUILDPLATFORM ${BASE} AS builder',
  'RUN pip install --no-cache-dir \\',
  '    # comment inside a continuation',
  '    -r requirements.txt \\',
  '',
  '    && pip check',
  'FROM nvidia/cuda:${CUDA} AS gpu',
  'FROM registry.example.com:5000/team/runtime@sha256:abc123 AS runtime',
  'COPY --from=builder /app /app',
  'FROM builder AS test',
  'FROM ubuntu',
  'FROM ubuntu:latest',
  'FROM scratch',
  'run <<EOF',
  'python train.py',
  'EOF',
  'CMD ["python", "serve.py"]',
];

describe('Dockerfile extractor', () => {
  it('reads instructions and base images', async () => {
    const { dockerfiles } = await extractText(extractor, PATH, lines('\n', ...DOCKERFILE));
    assert.deepEqual(dockerfiles, [{
      path: PATH,
      instructions: [
        { path: PATH, line: 4, keyword: 'ARG', args: 'BASE=python:3.11-slim' },
        { path: PATH, line: 5, keyword: 'ARG', args: 'CUDA' },
        { path: PATH, line: 7, keyword: 'FROM', args: '--platform=$BUILDPLATFORM ${BASE} AS builder' },
        { path: PATH, line: 8, keyword: 'RUN', args: 'pip install --no-cache-dir -r requirements.txt && pip check' },
        { path: PATH, line: 13, keyword: 'FROM', args: 'nvidia/cuda:${CUDA} AS gpu' },
        { path: PATH, line: 14, keyword: 'FROM', args: 'registry.example.com:5000/team/runtime@sha256:abc123 AS runtime' },
        { path: PATH, line: 15, keyword: 'COPY', args: '--from=builder /app /app' },
        { path: PATH, line: 16, keyword: 'FROM', args: 'builder AS test' },
        { path: PATH, line: 17, keyword: 'FROM', args: 'ubuntu' },
        { path: PATH, line: 18, keyword: 'FROM', args: 'ubuntu:latest' },
        { path: PATH, line: 19, keyword: 'FROM', args: 'scratch' },
        { path: PATH, line: 20, keyword: 'RUN', args: '<<EOF\npython train.py' },
        { path: PATH, line: 23, keyword: 'CMD', args: '["python", "serve.py"]' },
      ],
      from: [
        { path: PATH, line: 7, image: 'python', tag: '3.11-slim', pinned: true },
        { path: PATH, line: 13, image: 'nvidia/cuda', tag: '${CUDA}', pinned: false },
        { path: PATH, line: 14, image: 'registry.example.com:5000/team/runtime', digest: 'sha256:abc123', pinned: true },
        { path: PATH, line: 17, image: 'ubuntu', pinned: false },
        { path: PATH, line: 18, image: 'ubuntu', tag: 'latest', pinned: false },
        { path: PATH, line: 19, image: 'scratch', pinned: true },
      ],
    }]);
  });

  it('gives the same facts for CRLF files', async () => {
    assert.deepEqual(
      await extractText(extractor, PATH, lines('\r\n', ...DOCKERFILE)),
      await extractText(extractor, PATH, lines('\n', ...DOCKERFILE)),
    );
  });

  it('resolves ARG defaults in `${VAR:-default}` form and honours the escape directive', async () => {
    const { dockerfiles } = await extractText(extractor, 'Containerfile', lines('\n',
      '# escape=`',
      'ARG TAG="3.12"',
      'FROM python:${TAG}',
      'FROM ${IMAGE:-mcr.microsoft.com/windows/servercore:ltsc2022}',
      'FROM $UNKNOWN',
      'RUN dir `',
      '    C:\\ ',
    ));
    assert.deepEqual(dockerfiles?.[0].from.map(({ image, tag, pinned }) => ({ image, tag, pinned })), [
      { image: 'python', tag: '3.12', pinned: true },
      { image: 'mcr.microsoft.com/windows/servercore', tag: 'ltsc2022', pinned: true },
      { image: '$UNKNOWN', tag: undefined, pinned: false },
    ]);
    assert.deepEqual(dockerfiles?.[0].instructions.at(-1), { path: 'Containerfile', line: 6, keyword: 'RUN', args: 'dir C:\\' });
  });

  it('ignores BuildKit ignore files and copes with empty or comment-only files', async () => {
    assert.deepEqual(await extractText(extractor, 'Dockerfile.dockerignore', '*.pyc\n'), { warnings: [] });
    const { dockerfiles } = await extractText(extractor, 'Dockerfile', '# nothing\n\n\\\n');
    assert.deepEqual(dockerfiles, [{ path: 'Dockerfile', instructions: [], from: [] }]);
  });
});
