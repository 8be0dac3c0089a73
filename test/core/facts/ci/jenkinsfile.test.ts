import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../../src/core/facts/ci/jenkinsfile';
import { extractText, lines } from '../extractStub';

const PATH = 'Jenkinsfile';

const DECLARATIVE = [
  'pipeline {',
  '  agent any',
  "  triggers { cron('H 2 * * *') }",
  '  stages {',
  "    stage('Train') {",
  '      steps {',
  "        sh 'pip install -r requirements.txt' // sh 'commented out'",
  '        sh "python train.py --run ${env.BUILD_ID ?: "local"}"',
  "        sh '''",
  '          dvc repro',
  '          dvc push',
  "        '''",
  '        /* sh "block comment" */',
  "        echo 'sh \"not a step\"'",
  '      }',
  '    }',
  '    stage("Release") {',
  "      when { tag 'v*' }",
  '      steps {',
  "        bat(script: 'deploy.bat', returnStatus: true)",
  "        sh label: 'publish', script: 'twine upload dist/*'",
  '      }',
  '    }',
  '  }',
  '}',
];

describe('Jenkinsfile extractor', () => {
  it('reads stages, shell steps, cron and tag conditions', async () => {
    const { ci } = await extractText(extractor, PATH, lines('\n', ...DECLARATIVE));
    assert.deepEqual(ci, [{
      path: PATH,
      system: 'jenkins',
      triggers: ['push', 'tag', 'schedule'],
      schedules: ['H 2 * * *'],
      jobs: [
        {
          path: PATH, line: 5, name: 'Train', steps: [
            { path: PATH, line: 7, command: 'pip install -r requirements.txt' },
            { path: PATH, line: 8, command: 'python train.py --run ${env.BUILD_ID ?: "local"}' },
            { path: PATH, line: 9, command: 'dvc repro\n          dvc push' },
          ],
        },
        {
          path: PATH, line: 17, name: 'Release', steps: [
            { path: PATH, line: 20, command: 'deploy.bat' },
            { path: PATH, line: 21, command: 'twine upload dist/*' },
          ],
        },
      ],
    }]);
  });

  it('gives the same facts for CRLF files', async () => {
    assert.deepEqual(
      await extractText(extractor, PATH, lines('\r\n', ...DECLARATIVE)),
      await extractText(extractor, PATH, lines('\n', ...DECLARATIVE)),
    );
  });

  it('puts steps outside any stage in a default job (scripted pipelines)', async () => {
    const { ci } = await extractText(extractor, 'ci/Jenkinsfile', lines('\n',
      'node {',
      "  def tag = 'x'",
      '  sh "make test"',
      "  stage 'Deploy'",
      "  sh('make deploy')",
      '}',
    ));
    assert.deepEqual(ci?.[0].triggers, ['push']);
    assert.deepEqual(ci?.[0].jobs, [
      { path: 'ci/Jenkinsfile', line: 3, name: 'default', steps: [{ path: 'ci/Jenkinsfile', line: 3, command: 'make test' }] },
      { path: 'ci/Jenkinsfile', line: 4, name: 'Deploy', steps: [{ path: 'ci/Jenkinsfile', line: 5, command: 'make deploy' }] },
    ]);
  });

  it('does not run away on unterminated strings and comments', async () => {
    const { ci } = await extractText(extractor, PATH, "sh 'oops\nstage('A') { sh 'ok' }\n/* never closed\nsh 'hidden'\n");
    assert.deepEqual(ci?.[0].jobs.map((j) => [j.name, j.steps.map((s) => s.command)]), [
      ['default', ['oops']],
      ['A', ['ok']],
    ]);
  });

  it('yields an empty pipeline for a file without stages', async () => {
    const { ci } = await extractText(extractor, PATH, '');
    assert.deepEqual(ci, [{ path: PATH, system: 'jenkins', triggers: ['push'], schedules: [], jobs: [] }]);
  });
});
