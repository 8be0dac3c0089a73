import pandas as pd
import pytest


@pytest.fixture
def raw_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customerID": ["0001-A", "0002-B", "0003-C", "0003-C"],
            "tenure": [1, 24, 60, 60],
            "MonthlyCharges": [70.0, 55.5, 99.9, 99.9],
            "TotalCharges": [" ", "1332.0", "5994.0", "5994.0"],
            "Contract": ["Month-to-month", "One year", "Two year", "Two year"],
            "InternetService": ["Fiber optic", "DSL", "No", "No"],
            "PaymentMethod": ["Electronic check", "Mailed check", "Credit card", "Credit card"],
            "PaperlessBilling": ["Yes", "No", "Yes", "Yes"],
            "SeniorCitizen": [0, 1, 0, 0],
            "Churn": ["Yes", "No", "No", "No"],
        }
    )
