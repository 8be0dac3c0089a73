"""Customer churn prediction pipeline."""

__version__ = "0.3.0"
