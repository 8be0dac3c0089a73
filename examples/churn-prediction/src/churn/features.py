"""Stage `featurize`: turn prepared tables into model-ready feature matrices."""
from __future__ import annotations

from pathlib import Path

import joblib
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from churn.data import TARGET
from churn.utils import load_params


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["AvgMonthlySpend"] = df["TotalCharges"] / df["tenure"].clip(lower=1)
    df["IsNewCustomer"] = (df["tenure"] < 6).astype(int)
    return df


def build_preprocessor(numeric: list[str], categorical: list[str]) -> ColumnTransformer:
    return ColumnTransformer(
        [
            ("num", StandardScaler(), numeric),
            ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
        ]
    )


def main() -> None:
    cfg = load_params()["featurize"]
    numeric = cfg["numeric"] + ["AvgMonthlySpend", "IsNewCustomer"]
    categorical = cfg["categorical"]

    train = add_features(pd.read_parquet("data/prepared/train.parquet"))
    test = add_features(pd.read_parquet("data/prepared/test.parquet"))

    pre = build_preprocessor(numeric, categorical)
    X_train = pre.fit_transform(train)
    X_test = pre.transform(test)

    out = Path("data/features")
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump((X_train, train[TARGET].to_numpy()), out / "train.joblib")
    joblib.dump((X_test, test[TARGET].to_numpy()), out / "test.joblib")
    joblib.dump(pre, out / "preprocessor.joblib")


if __name__ == "__main__":
    main()
