"""Built-in metrics, one module per family; importing a module registers its metrics.

The order of the imports is the order of the columns in the output table.
"""
from __future__ import annotations
from biaslens.metrics import readability, sentiment  # noqa: F401
from biaslens.metrics import hedging  # noqa: F401
from biaslens.metrics import attribution  # noqa: F401
from biaslens.metrics import ads  # noqa: F401
