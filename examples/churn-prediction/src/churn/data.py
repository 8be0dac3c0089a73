"""Stage `prepare`: clean the raw snapshot and split it into train and test sets."""
from __future__ import annotations

import argparse
import logging
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

from churn.utils import load_params, set_seed

log = logging.getLogger(__name__)

TARGET = "Churn"
REQUIRED_COLUMNS = [
    "customerID", "tenure", "MonthlyCharges", "TotalCharges", "Contract",
    "InternetService", "PaymentMethod", "PaperlessBilling", "SeniorCitizen", TARGET,
]


def load_raw(path: str | Path) -> pd.DataFrame:
    df = pd.read_csv(path)
    missing = set(REQUIRED_COLUMNS) - set(df.columns)
    if missing:
        raise ValueError(f"raw data is missing columns: {sorted(missing)}")
    return df


def clean(df: pd.DataFrame) -> pd.DataFrame:
    df = df.drop_duplicates(subset="customerID").copy()
    # TotalCharges is blank for customers in their first month
    df["TotalCharges"] = pd.to_numeric(df["TotalCharges"], errors="coerce")
    df["TotalCharges"] = df["TotalCharges"].fillna(df["MonthlyCharges"])
    df[TARGET] = (df[TARGET].str.strip().str.lower() == "yes").astype(int)
    return df


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--params", default="params.yaml")
    args = parser.parse_args()

    params = load_params(args.params)
    set_seed(params["base"]["seed"])
    cfg = params["prepare"]

    df = clean(load_raw(cfg["raw_path"]))
    train, test = train_test_split(
        df, test_size=cfg["test_size"], stratify=df[TARGET],
        random_state=params["base"]["seed"],
    )
    out = Path("data/prepared")
    out.mkdir(parents=True, exist_ok=True)
    train.to_parquet(out / "train.parquet", index=False)
    test.to_parquet(out / "test.parquet", index=False)
    log.info("prepared %d train / %d test rows", len(train), len(test))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
