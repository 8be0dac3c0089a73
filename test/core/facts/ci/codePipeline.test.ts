import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../../src/core/facts/ci/codePipeline';
import { extractText, lines } from '../extractStub';

const TEMPLATE = lines('\n',
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Transform: AWS::Serverless-2016-10-31',
  'Resources:',
  '  Build:',
  '    Type: AWS::CodeBuild::Project',
  '    Properties:',
  '      Name: !Sub ${AWS::StackName}-build',
  '      Source: {Type: CODEPIPELINE, BuildSpec: ci/buildspec.yml}',
  '  Pipeline:',
  '    Type: AWS::CodePipeline::Pipeline',
  '    Properties:',
  '      RoleArn: !GetAtt PipelineRole.Arn',
  '      Stages:',
  '        - Name: Source',
  '          Actions:',
  '            - Name: Code',
  '              ActionTypeId: {Category: Source, Owner: AWS, Provider: CodeCommit, Version: "1"}',
  '            - Name: Data',
  '              ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: "1"}',
  '        - Name: Build',
  '          Actions:',
  '            - Name: Train',
  '              ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1"}',
  '              Configuration:',
  '                ProjectName: !Ref Build',
  '        - Name: Deploy',
  '          Actions:',
  '            - Name: Endpoint',
  '              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: "1"}',
  '  Monthly:',
  '    Type: AWS::Events::Rule',
  '    Properties:',
  '      ScheduleExpression: cron(0 12 1 * ? *)',
  '      State: DISABLED',
  '      Targets:',
  '        - Arn: !Sub arn:aws:codepipeline:${AWS::Region}:${AWS::AccountId}:${Pipeline}',
  '          Id: pipeline',
  '  Weekly:',
  '    Type: AWS::Events::Rule',
  '    Properties:',
  '      ScheduleExpression: rate(7 days)',
  '      Targets:',
  '        - Arn: !Sub arn:aws:codepipeline:${AWS::Region}:${AWS::AccountId}:${Pipeline}',
  '          Id: pipeline',
);

describe('CodePipeline extractor (CloudFormation and SAM templates)', () => {
  it('reads stages as jobs, actions as steps, the CodeBuild buildspec file, triggers and enabled schedules', async () => {
    const { ci } = await extractText(extractor, 'infra/pipeline.yml', TEMPLATE, {
      'ci/buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands:\n      - python train.py\n',
    });
    assert.equal(ci?.length, 1);
    const [pipeline] = ci!;
    assert.equal(pipeline.system, 'codepipeline');
    assert.deepEqual(pipeline.triggers, ['push', 'schedule', 'data']);
    assert.deepEqual(pipeline.schedules, ['rate(7 days)']);
    assert.deepEqual(pipeline.jobs.map((j) => [j.name, j.steps.map((s) => s.uses ?? `${s.path}:${s.line} ${s.command} <- ${s.via?.line}`)]), [
      ['Source', ['codepipeline/Source/CodeCommit', 'codepipeline/Source/S3']],
      ['Build', ['codepipeline/Build/CodeBuild', 'ci/buildspec.yml:5 python train.py <- 22']],
      ['Deploy', ['codepipeline/Deploy/CloudFormation']],
    ]);
  });

  it('reads an inline buildspec and a webhook CodeBuild project; JSON templates too', async () => {
    const json = JSON.stringify({
      Resources: {
        Tests: {
          Type: 'AWS::CodeBuild::Project',
          Properties: { Triggers: { Webhook: true }, Source: { BuildSpec: 'version: 0.2\nphases:\n  build:\n    commands: [pytest]\n' } },
        },
      },
    }, null, 2);
    const { ci } = await extractText(extractor, 'template.json', json);
    assert.deepEqual(ci?.map((p) => [p.system, p.triggers, p.jobs.flatMap((j) => j.steps.map((s) => s.command))]), [['codebuild', ['push'], ['pytest']]]);
  });

  it('is started by data: an S3 event rule or a CloudWatch (drift) alarm rule that targets it; an image source is other', async () => {
    const template = (rule: string, source = 'CodeCommit') => lines('\n',
      'Resources:',
      '  Pipeline:',
      '    Type: AWS::CodePipeline::Pipeline',
      '    Properties:',
      '      Stages:',
      '        - Name: Source',
      `          Actions: [{Name: S, ActionTypeId: {Category: Source, Owner: AWS, Provider: ${source}, Version: "1"}}]`,
      '  Rule:',
      '    Type: AWS::Events::Rule',
      '    Properties:',
      rule,
      '      Targets: [{Arn: !Sub "arn:aws:codepipeline:${AWS::Region}:${AWS::AccountId}:${Pipeline}", Id: p}]',
    );
    const triggers = async (rule: string, source?: string) => (await extractText(extractor, 'p.yml', template(rule, source))).ci?.[0].triggers;
    assert.deepEqual(await triggers('      EventPattern: {source: [aws.cloudwatch], detail-type: [CloudWatch Alarm State Change]}'), ['push', 'data']);
    assert.deepEqual(await triggers('      EventPattern: {source: [aws.s3]}'), ['push', 'data']);
    assert.deepEqual(await triggers('      EventPattern: {source: [aws.s3]}\n      State: DISABLED'), ['push']);
    assert.deepEqual(await triggers('      EventPattern: {source: [aws.codecommit]}', 'ECR'), ['other']);
  });

  it('ignores templates without pipelines and files that only mention one', async () => {
    assert.deepEqual(await extractText(extractor, 'bucket.yml', 'Resources:\n  B: {Type: AWS::S3::Bucket}\n'), { warnings: [] });
    assert.deepEqual(await extractText(extractor, 'notes.yml', 'text: we could use AWS::CodePipeline::Pipeline here\n'), { warnings: [] });
  });
});
