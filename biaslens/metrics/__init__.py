"""Built-in metrics, one module per family; importing a module registers its metrics.

The order of the imports is the order of the columns in the output table:
page clutter first, then sourcing, stance markers, readability and tone.
"""
from __future__ import annotations

from biaslens.metrics import ads  # noqa: F401
from biaslens.metrics import attribution  # noqa: F401
from biaslens.metrics import hedging  # noqa: F401
from biaslens.metrics import readability  # noqa: F401
from biaslens.metrics import sentiment  # noqa: F401
