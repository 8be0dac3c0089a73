"""Stage `evaluate`: score the model on the held-out set and write DVC metrics."""
from __future__ import annotations

import json
from pathlib import Path

import joblib
import mlflow
from sklearn.metrics import (
    accuracy_score, f1_score, precision_score, recall_score, roc_auc_score, roc_curve,
)

from churn.utils import load_params


def main() -> None:
    cfg = load_params()["evaluate"]
    model = joblib.load("models/model.joblib")
    X_test, y_test = joblib.load("data/features/test.joblib")

    proba = model.predict_proba(X_test)[:, 1]
    pred = (proba >= cfg["decision_threshold"]).astype(int)
    metrics = {
        "roc_auc": roc_auc_score(y_test, proba),
        "accuracy": accuracy_score(y_test, pred),
        "precision": precision_score(y_test, pred),
        "recall": recall_score(y_test, pred),
        "f1": f1_score(y_test, pred),
    }

    reports = Path("reports")
    reports.mkdir(exist_ok=True)
    (reports / "metrics.json").write_text(json.dumps(metrics, indent=2))
    fpr, tpr, _ = roc_curve(y_test, proba)
    roc = [{"fpr": float(f), "tpr": float(t)} for f, t in zip(fpr, tpr)]
    (reports / "roc.json").write_text(json.dumps({"roc": roc}))

    mlflow.set_experiment("churn-prediction")
    with mlflow.start_run(run_name="evaluate"):
        for name, value in metrics.items():
            mlflow.log_metric(f"test_{name}", value)


if __name__ == "__main__":
    main()
