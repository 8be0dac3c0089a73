import numpy as np

from churn.data import clean
from churn.features import add_features, build_preprocessor


def test_avg_monthly_spend_handles_zero_tenure(raw_frame):
    frame = clean(raw_frame)
    frame.loc[frame.index[0], "tenure"] = 0
    df = add_features(frame)
    assert np.isfinite(df["AvgMonthlySpend"]).all()


def test_new_customer_flag(raw_frame):
    df = add_features(clean(raw_frame))
    assert df.set_index("customerID")["IsNewCustomer"].to_dict() == {
        "0001-A": 1, "0002-B": 0, "0003-C": 0,
    }


def test_preprocessor_output_shape(raw_frame):
    df = add_features(clean(raw_frame))
    pre = build_preprocessor(["tenure", "AvgMonthlySpend"], ["Contract"])
    X = pre.fit_transform(df)
    # 2 numeric columns + 3 one-hot contract types
    assert X.shape == (3, 5)
