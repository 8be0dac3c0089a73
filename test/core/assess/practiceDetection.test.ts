/**
 * Detection of serving, configuration, environment, seed, test, monitoring, pinning and
 * linting practices through the real pipeline, on tiny repositories written for the test:
 * each detection next to a near miss that must not count.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { auditFiles } from '../../helpers/auditFixture';

/** Is the practice detected (present or partial) in a repository of these files? */
async function detected(practice: string, files: Record<string, string>): Promise<boolean> {
  const status = (await auditFiles(files)).practices.find((p) => p.id === practice)!.status;
  return status === 'present' || status === 'partial';
}

async function expectDetected(practice: string, files: Record<string, string>): Promise<void> {
  assert.equal(await detected(practice, files), true, `${practice} should be detected in ${Object.keys(files).join(', ')}`);
}

async function expectAbsent(practice: string, files: Record<string, string>): Promise<void> {
  assert.equal(await detected(practice, files), false, `${practice} should not be detected in ${Object.keys(files).join(', ')}`);
}

const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('model-serving', () => {
  const flaskApp = lines('from flask import Flask', 'from predictor import predict', 'app = Flask(__name__)');
  it('a web app whose imported module loads the model', async () => {
    await expectDetected('model-serving', { 'app.py': flaskApp, 'predictor.py': lines('import joblib', 'model = joblib.load("model.joblib")') });
  });
  it('not a web app without a model, nor a model loaded by a script no app imports', async () => {
    await expectAbsent('model-serving', {
      'app.py': lines('from flask import Flask', 'app = Flask(__name__)'),
      'evaluate.py': lines('import joblib', 'model = joblib.load("model.joblib")'),
    });
  });
  it('not a test that starts a web client next to a loaded model', async () => {
    await expectAbsent('model-serving', { 'tests/test_api.py': lines('from fastapi.testclient import TestClient', 'import joblib', 'm = joblib.load("m.pkl")') });
  });
  it('a web app answering with an LLM client, but not the names in a README', async () => {
    await expectDetected('model-serving', { 'api/main.py': lines('from fastapi import FastAPI', 'from openai import OpenAI', 'client = OpenAI()') });
    await expectAbsent('model-serving', { 'README.md': lines('Serve it with FastAPI: from fastapi import FastAPI; from openai import OpenAI') });
  });
  it('a Streamlit or Gradio app that loads a model or answers with an LLM, but not a dashboard of charts', async () => {
    await expectDetected('model-serving', {
      'app.py': lines('import streamlit as st', 'from model import predict', 'st.write(predict(st.text_input("Text")))'),
      'model.py': lines('import torch', 'net = torch.jit.load("model.pt")'),
    });
    await expectDetected('model-serving', { 'chat.py': lines('import gradio as gr', 'from anthropic import Anthropic', 'client = Anthropic()', 'gr.ChatInterface(answer).launch()') });
    await expectAbsent('model-serving', {
      'dashboard.py': lines('import streamlit as st', 'import pandas as pd', 'df = pd.read_csv("metrics.csv")', 'st.line_chart(df)'),
      'train.py': lines('import joblib', 'joblib.load("model.joblib")'),
    });
  });
  it('hubconf.py, Ray Serve through `from ray import serve`, and langgraph.json graphs', async () => {
    await expectDetected('model-serving', { 'hubconf.py': lines('def resnet(pretrained=False):', '    return None') });
    await expectDetected('model-serving', { 'serve.py': lines('from ray import serve', '@serve.deployment', 'class Model:', '    pass') });
    await expectDetected('model-serving', { 'langgraph.json': '{"graphs": {"agent": "./agent.py:graph"}}' });
    await expectAbsent('model-serving', { 'config.json': '{"graph": "agent.py"}' });
  });
  it('managed endpoints: a SageMaker deploy call across lines, an endpoint resource, an Azure ML inference config', async () => {
    await expectDetected('model-serving', { 'deploy.py': lines('predictor = model.deploy(', '    instance_type="ml.m5.large",', '    initial_instance_count=1,', ')') });
    await expectAbsent('model-serving', { 'deploy.py': lines('# model.deploy(initial_instance_count=1)', 'site.deploy(target="prod")') });
    await expectDetected('model-serving', { 'template.yml': lines('Resources:', '  Endpoint:', '    Type: AWS::SageMaker::Endpoint', '    Properties:', '      EndpointConfigName: !Ref Config') });
    await expectDetected('model-serving', { 'scoring/inference_config.yml': lines('entryScript: score.py', 'runtime: python') });
  });
});

describe('config-management', () => {
  // Configuration read by code counts where the repository holds ML code (test/core/scope/mlCode.test.ts).
  const trainWithConfig = lines('import argparse', 'import torch', 'parser = argparse.ArgumentParser()', 'parser.add_argument("--config", default="configs/base.yaml")');
  it('a --config argument with config files in the repository', async () => {
    await expectDetected('config-management', { 'train.py': trainWithConfig.replace('configs/base.yaml', 'base.yml'), 'configs/base.yml': 'lr: 0.1\n' });
    await expectDetected('config-management', { 'train.py': trainWithConfig.replace('"--config", default="configs/base.yaml"', '"--config-file", metavar="FILE"'), 'configs/base.yml': 'lr: 0.1\n' });
  });
  it('not a --config argument without config files, nor a commented-out one', async () => {
    await expectAbsent('config-management', { 'train.py': lines('import argparse', 'p = argparse.ArgumentParser()', 'p.add_argument("--config", default="")') });
    await expectAbsent('config-management', { 'train.py': lines('# parser.add_argument("--config")'), 'configs/base.yml': 'lr: 0.1\n' });
  });
  it('a config file the code names, but not a URL or a tool config in the home folder', async () => {
    await expectDetected('config-management', { 'train.py': lines('import yaml', 'import sklearn', 'cfg = yaml.safe_load(open("settings.yaml"))') });
    await expectAbsent('config-management', { 'run.py': lines('SCHEMA = "https://example.com/config.json"', 'TOOL = "~/.tool/config.toml"') });
  });
  it('python config modules executed by a configurator, but not a commented exec', async () => {
    await expectDetected('config-management', { 'train.py': lines('import torch', 'exec(open("configurator.py").read())') });
    await expectAbsent('config-management', { 'train.py': lines('import torch', '# exec(open("configurator.py").read())') });
  });
  it('a yacs or Detectron2 config merged from a file, but not in a test', async () => {
    await expectDetected('config-management', { 'tools/train_net.py': lines('from detectron2.config import get_cfg', 'cfg = get_cfg()', 'cfg.merge_from_file(args.config_file)') });
    await expectAbsent('config-management', { 'tests/test_cfg.py': lines('import torch', 'cfg.merge_from_file("x.yaml")') });
  });
  it('not a version file read by setup.py or a docs build, beside ML code', async () => {
    await expectAbsent('config-management', {
      'setup.py': lines('from setuptools import setup', 'exec(open("pkg/version.py").read())', 'setup(name="pkg")'),
      'docs/conf.py': lines('exec(open("../pkg/_version.py").read())', 'cfg = open("../pkg/settings.yaml")'),
      'pkg/about.py': lines('exec(open(os.path.join(here, "__about__.py")).read())'),
      'pkg/model.py': lines('import torch'),
    });
  });
  it('pydantic settings, spacy train configs, pipeline parameters and parameter files', async () => {
    await expectDetected('config-management', { 'app/settings.py': lines('from pydantic_settings import BaseSettings', 'class Settings(BaseSettings):', '    model: str = "gpt"'), 'app/chat.py': lines('import openai') });
    await expectDetected('config-management', { 'project.yml': lines('commands:', '  - name: train', '    script:', '      - "python -m spacy train configs/config.cfg --output training/"') });
    await expectAbsent('config-management', { 'README.md': lines('Run `spacy train configs/config.cfg`.') });
    await expectDetected('config-management', { 'pipeline.py': lines('from sagemaker.workflow.parameters import ParameterInteger', 'count = ParameterInteger(name="Count", default_value=1)') });
    await expectDetected('config-management', { 'model/parameters.json': '{"alpha": 0.5}' });
  });
});

describe('environment-as-code', () => {
  it('any Dockerfile, but not one named in a README', async () => {
    await expectDetected('environment-as-code', { Dockerfile: lines('FROM python:3.11-slim', 'COPY . /app') });
    await expectAbsent('environment-as-code', { 'README.md': lines('FROM python:3.11-slim in a Dockerfile would help.') });
  });
  it('a conda environment under another name, but not another YAML with a dependencies list', async () => {
    await expectDetected('environment-as-code', { 'training-env.yml': lines('channels: [conda-forge]', 'dependencies:', '  - python=3.10', '  - scikit-learn') });
    await expectAbsent('environment-as-code', { 'chart-env.yaml': lines('dependencies:', '  - name: redis', '    version: 17.0.0') });
  });
  it('Anyscale cluster environments, Databricks job clusters, Gitpod workspaces', async () => {
    await expectDetected('environment-as-code', { 'deploy/cluster_env.yaml': lines('base_image: anyscale/ray:2.7.0', 'post_build_cmds:', '  - pip install -r requirements.txt') });
    await expectDetected('environment-as-code', { 'resources/train.yml': lines('resources:', '  jobs:', '    train:', '      job_clusters:', '        - job_cluster_key: main', '          new_cluster:', '            spark_version: 15.3.x-cpu-ml-scala2.12') });
    await expectDetected('environment-as-code', { '.gitpod.yml': lines('image: gitpod/workspace-python-3.10') });
  });
  it('tox environments in setup.cfg, pyproject.toml or tox.toml, and nox sessions; not a setup.cfg of linters', async () => {
    await expectDetected('environment-as-code', { 'setup.cfg': lines('[metadata]', 'name = pkg', '', '[tox:tox]', 'envlist = py311', '', '[testenv]', 'commands = pytest') });
    await expectDetected('environment-as-code', { 'pyproject.toml': lines('[project]', 'name = "pkg"', '', '[tool.tox]', 'env_list = ["py311"]') });
    await expectDetected('environment-as-code', { 'tox.toml': lines('env_list = ["py311"]', '[env_run_base]', 'commands = [["pytest"]]') });
    await expectDetected('environment-as-code', { 'noxfile.py': lines('import nox', '@nox.session', 'def tests(session):', '    session.run("pytest")') });
    await expectAbsent('environment-as-code', { 'setup.cfg': lines('[metadata]', 'name = pkg', '', '[flake8]', 'max-line-length = 100', '# [testenv] moved to tox.ini') });
  });
});

describe('random-seeds', () => {
  it('a seed in training code, but not one only in tests', async () => {
    await expectDetected('random-seeds', { 'src/train.py': lines('import torch', 'torch.manual_seed(0)') });
    await expectAbsent('random-seeds', { 'tests/test_model.py': lines('import torch', 'torch.manual_seed(0)'), 'src/conftest.py': lines('import random', 'random.seed(1)') });
  });
  it('random_state on a split across lines, but not a passed-through or commented one', async () => {
    await expectDetected('random-seeds', { 'split.py': lines('from sklearn.model_selection import train_test_split', 'a, b = train_test_split(', '    df, test_size=0.2,', '    random_state=42)') });
    await expectAbsent('random-seeds', { 'lib.py': lines('from sklearn.ensemble import RandomForestClassifier', 'def make(random_state=None):', '    # RandomForestClassifier(random_state=42)', '    return RandomForestClassifier(random_state=random_state)') });
  });
  it('a seeded RandomState, but not an unseeded one', async () => {
    await expectDetected('random-seeds', { 'prep.py': lines('import numpy as np', 'rng = np.random.RandomState(7)') });
    await expectAbsent('random-seeds', { 'prep.py': lines('import numpy as np', 'rng = np.random.RandomState()') });
  });
});

describe('unit-tests', () => {
  it('test files that assert, with plain asserts, unittest or pytest.raises', async () => {
    await expectDetected('unit-tests', { 'tests/test_features.py': lines('from features import ratio', 'def test_ratio():', '    assert ratio(1, 2) == 0.5') });
    await expectDetected('unit-tests', { 'pkg/model_test.py': lines('import unittest', 'class T(unittest.TestCase):', '    def test_x(self):', '        self.assertEqual(1, 1)') });
    await expectDetected('unit-tests', { 'tests/test_io.py': lines('import pytest', 'def test_bad():', '    with pytest.raises(ValueError):', '        int("x")') });
  });
  it('not placeholders, asserts outside test files, or a pytest dependency', async () => {
    await expectAbsent('unit-tests', {
      'tests/test_placeholder.py': lines('def test_todo():', '    assert False', 'def test_later():', '    pass'),
      'tests/__init__.py': '',
      'conftest.py': '',
      'examples/demo.py': lines('import unittest', 'assert 1 + 1 == 2'),
      'requirements-dev.txt': 'pytest==8.0.0\n',
    });
  });
});

describe('service-monitoring', () => {
  it('Application Insights switched on for a web service, but not switched off', async () => {
    await expectDetected('service-monitoring', { 'deployment_config_aks.yml': lines('computeType: AKS', 'appInsightsEnabled: True') });
    await expectAbsent('service-monitoring', { 'deployment_config_aks.yml': lines('computeType: AKS', 'appInsightsEnabled: False') });
  });
  it('CloudWatch alarms in a template', async () => {
    await expectDetected('service-monitoring', { 'infra.yml': lines('Resources:', '  Errors:', '    Type: "AWS::CloudWatch::Alarm"', '    Properties:', '      Threshold: 1') });
  });
  it('LLM tracing wired in, but not a LangSmith client alone or tracing switched off', async () => {
    await expectDetected('service-monitoring', { 'app/llm.py': lines('from langfuse import Langfuse', 'langfuse = Langfuse()') });
    await expectDetected('service-monitoring', { 'agent.py': lines('from langsmith import traceable', '@traceable', 'def answer(q):', '    return q') });
    await expectDetected('service-monitoring', { '.env.example': lines('LANGCHAIN_TRACING_V2=true') });
    await expectAbsent('service-monitoring', {
      'prompts.py': lines('from langsmith import Client', 'prompt = Client().pull_prompt("p")'),
      '.env.example': lines('LANGCHAIN_TRACING_V2=false'),
    });
  });
  it('OpenTelemetry instrumentation, but not a service that only receives traces, nor a dashboard alone', async () => {
    await expectDetected('service-monitoring', { 'app.py': lines('from opentelemetry.sdk.trace import TracerProvider', 'provider = TracerProvider()') });
    await expectAbsent('service-monitoring', {
      'collector.py': lines('from opentelemetry.proto.collector.trace.v1 import trace_service_pb2'),
      'grafana/dashboards/drift.json': '{"panels": []}',
      'requirements.txt': 'prometheus-client==0.20.0\n',
    });
  });
});

describe('dependency-pinning', () => {
  const requirements = (pinned: number, loose: number) =>
    lines(...Array.from({ length: pinned }, (_, i) => `pkg${i}==1.0.${i}`), ...Array.from({ length: loose }, (_, i) => `loose${i}>=1`));
  it('nearly every runtime requirement pinned, but not four in five', async () => {
    await expectDetected('dependency-pinning', { 'requirements.txt': requirements(9, 1) });
    await expectAbsent('dependency-pinning', { 'requirements.txt': requirements(8, 2) });
  });
  it('not decided by pinned requirements of linters, docs or benchmarks', async () => {
    await expectAbsent('dependency-pinning', {
      'requirements.txt': requirements(0, 3),
      'requirements/lint-requirements.txt': requirements(2, 0),
      'docs/requirements.txt': requirements(3, 0),
      'benchmarks/speed/requirements.txt': requirements(3, 0),
    });
  });
  it('not the lock file of a front end alone: it pins the web UI, not the Python environment', async () => {
    await expectAbsent('dependency-pinning', { 'frontend/package-lock.json': '{"lockfileVersion": 3}', 'requirements.txt': lines('pandas>=2') });
    await expectDetected('dependency-pinning', { 'frontend/package-lock.json': '{"lockfileVersion": 3}', 'requirements.txt': lines('pandas==2.2.2') });
  });
  it('reports unpinned requirements only while nothing is pinned, and not in docs requirements', async () => {
    const findings = async (files: Record<string, string>) =>
      (await auditFiles(files)).findings.filter((f) => f.practice === 'dependency-pinning').map((f) => `${f.path}:${f.line}`);
    assert.deepEqual(await findings({ 'requirements.txt': lines('pandas>=2'), 'docs/requirements.txt': lines('sphinx') }), ['requirements.txt:1']);
    assert.deepEqual(await findings({ 'requirements.txt': lines('pandas>=2'), 'poetry.lock': '# lock\n' }), []);
  });
});

describe('code-quality', () => {
  it('linter and formatter configs of a front end, but not those of installed packages', async () => {
    await expectDetected('code-quality', { 'frontend/.eslintrc.json': '{"extends": "eslint:recommended"}' });
    await expectDetected('code-quality', { 'web/.prettierrc.json': '{}' });
    await expectAbsent('code-quality', { 'frontend/node_modules/some-lib/.eslintrc.json': '{}' });
  });
});
