import pandas as pd
import pytest

from churn.data import TARGET, clean, load_raw


def test_clean_drops_duplicate_customers(raw_frame):
    df = clean(raw_frame)
    assert df["customerID"].is_unique
    assert len(df) == 3


def test_clean_fills_blank_total_charges(raw_frame):
    df = clean(raw_frame)
    first = df.set_index("customerID").loc["0001-A"]
    assert first["TotalCharges"] == pytest.approx(first["MonthlyCharges"])
    assert df["TotalCharges"].notna().all()


def test_clean_encodes_target(raw_frame):
    df = clean(raw_frame)
    assert set(df[TARGET].unique()) <= {0, 1}
    assert df[TARGET].sum() == 1


def test_load_raw_rejects_missing_columns(tmp_path, raw_frame):
    path = tmp_path / "raw.csv"
    raw_frame.drop(columns=["Contract"]).to_csv(path, index=False)
    with pytest.raises(ValueError, match="Contract"):
        load_raw(path)


def test_load_raw_roundtrip(tmp_path, raw_frame):
    path = tmp_path / "raw.csv"
    raw_frame.to_csv(path, index=False)
    pd.testing.assert_frame_equal(load_raw(path), pd.read_csv(path))
