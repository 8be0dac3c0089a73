"""Small helpers shared by the pipeline stages."""
from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import numpy as np
import yaml


def load_params(path: str | Path = "params.yaml") -> dict[str, Any]:
    """Read the pipeline parameters (the same file DVC tracks)."""
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def set_seed(seed: int) -> None:
    """Make runs repeatable."""
    random.seed(seed)
    np.random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
