/** Infrastructure templates (CloudFormation/SAM, ARM, azd) and the cloud triggers that start retraining. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceOf } from './detect';

const eventRule = (trigger: string, target: string) => [
  'Resources:',
  '  RetrainRule:',
  '    Type: AWS::Events::Rule',
  '    Properties:',
  trigger,
  '      Targets:',
  `        - Arn: !Sub "${target}"`,
  '          Id: retrain',
].join('\n');

const CODEPIPELINE = 'arn:aws:codepipeline:${AWS::Region}:${AWS::AccountId}:${TrainPipeline}';

test('CloudFormation and SAM templates in any YAML or JSON file, with or without a format version', async () => {
  assert.deepEqual(await evidenceOf('infrastructure-as-code', { 'infra/pipeline.yml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n' }), ['cloudformation']);
  assert.deepEqual(await evidenceOf('infrastructure-as-code', { 'assets/endpoint.yml': 'Description: endpoint\nResources:\n  Endpoint:\n    Type: AWS::SageMaker::Endpoint\n    Properties:\n      EndpointConfigName: !GetAtt Config.EndpointConfigName\n' }), ['cloudformation-resources']);
  assert.deepEqual(await evidenceOf('infrastructure-as-code', { 'api/sam.yml': 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n' }), ['aws-sam', 'cloudformation-resources']);
});

test('near miss: YAML that only names AWS types in prose or as values elsewhere is no template', async () => {
  assert.deepEqual(await evidenceOf('infrastructure-as-code', { 'config.yml': 'notes: "deploy with AWS::CloudFormation later"\nresources: {type: AWS::S3::Bucket}\n' }), []);
});

test('ARM templates by their deploymentTemplate $schema; other JSON schemas are not', async () => {
  const arm = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": []\n}\n';
  assert.deepEqual(await evidenceOf('infrastructure-as-code', { 'infra/workspace.json': arm }), ['arm-template']);
  const params = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "parameters": {}\n}\n';
  assert.deepEqual(await evidenceOf('infrastructure-as-code', { 'infra/parameters.json': params }), []);
});

test('EventBridge rules that start a pipeline on a schedule, new S3 data or an alarm are retraining triggers', async () => {
  const scheduled = { 'pipeline.yml': eventRule('      ScheduleExpression: "cron(0 12 1 * ? *)"', CODEPIPELINE) };
  assert.deepEqual(await evidenceOf('scheduled-retraining', scheduled), ['eventbridge-schedule-starts-pipeline']);
  const onData = { 'pipeline.yml': eventRule('      EventPattern:\n        source: [aws.s3]\n        detail-type: ["Object Created"]', CODEPIPELINE) };
  assert.deepEqual(await evidenceOf('scheduled-retraining', onData), ['eventbridge-data-or-alarm-starts-pipeline']);
});

test('near misses: a code-change rule starting the pipeline (CI), a schedule that starts a Lambda', async () => {
  const onCommit = { 'pipeline.yml': eventRule('      EventPattern:\n        source: [aws.codecommit]', CODEPIPELINE) };
  assert.deepEqual(await evidenceOf('scheduled-retraining', onCommit), []);
  const cleanup = { 'pipeline.yml': eventRule('      ScheduleExpression: rate(1 day)', 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:cleanup') };
  assert.deepEqual(await evidenceOf('scheduled-retraining', cleanup), []);
});

test('a CodePipeline sourced from a training-data object in S3 retrains when the data changes', async () => {
  const pipeline = (key: string) => ({
    'build.yml': [
      'Resources:',
      '  Pipeline:',
      '    Type: AWS::CodePipeline::Pipeline',
      '    Properties:',
      '      Stages:',
      '        - Name: Source',
      '          Actions:',
      '            - Name: Data',
      '              ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: 1}',
      `              Configuration: {S3Bucket: !Ref Bucket, S3ObjectKey: "${key}"}`,
      '        - Name: TrainModel',
      '          Actions: []',
    ].join('\n'),
  });
  assert.deepEqual(await evidenceOf('scheduled-retraining', pipeline('train/train.csv')), ['codepipeline-retrains-on-data']);
  assert.deepEqual(await evidenceOf('scheduled-retraining', pipeline('source/app.zip')), []);
});

test('AWS CDK: an EventBridge schedule in a construct that starts the SageMaker pipeline retrains; near misses: a schedule that only cleans up, a commented-out schedule', async () => {
  const construct = (schedule: string, target: string) => [
    'from aws_cdk import aws_events as events',
    'from constructs import Construct',
    'class BuildPipeline(Construct):',
    '    def __init__(self, scope, id, retrain_schedule):',
    '        super().__init__(scope, id)',
    `        ${schedule}`,
    `        rule.add_target(${target})`,
  ].join('\n');
  const schedule = 'rule = events.Rule(self, "Retrain", schedule=events.Schedule.expression(retrain_schedule))';
  assert.deepEqual(await evidenceOf('scheduled-retraining', { 'infra/build.py': construct(schedule, 'SageMakerPipelinesEventTarget(pipeline_arn)') }), ['cdk-schedule-starts-pipeline']);
  assert.deepEqual(await evidenceOf('scheduled-retraining', { 'infra/cleanup.py': construct(schedule, 'targets.LambdaFunction(delete_idle_endpoints)') }), []);
  assert.deepEqual(await evidenceOf('scheduled-retraining', { 'infra/build.py': construct(`# ${schedule}`, 'SageMakerPipelinesEventTarget(pipeline_arn)') }), []);
});
