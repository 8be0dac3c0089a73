"""Stage `train`: fit the churn classifier and log the run to MLflow."""
from __future__ import annotations

from pathlib import Path

import joblib
import mlflow
import mlflow.sklearn
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score

from churn.utils import load_params, set_seed


def main() -> None:
    params = load_params()
    seed = params["base"]["seed"]
    cfg = params["train"]
    set_seed(seed)

    X_train, y_train = joblib.load("data/features/train.joblib")

    mlflow.set_experiment("churn-prediction")
    with mlflow.start_run():
        mlflow.log_params({"seed": seed, **cfg})
        model = GradientBoostingClassifier(
            n_estimators=cfg["n_estimators"],
            learning_rate=cfg["learning_rate"],
            max_depth=cfg["max_depth"],
            subsample=cfg["subsample"],
            random_state=seed,
        )
        model.fit(X_train, y_train)
        train_auc = roc_auc_score(y_train, model.predict_proba(X_train)[:, 1])
        mlflow.log_metric("train_auc", train_auc)
        mlflow.sklearn.log_model(model, artifact_path="model")

    Path("models").mkdir(exist_ok=True)
    joblib.dump(model, "models/model.joblib")


if __name__ == "__main__":
    main()
