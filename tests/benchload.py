"""Load a script of benchmarks/ as a module, once per session, for the gate tests."""
from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@functools.cache
def load_benchmark(name: str) -> ModuleType:
    """``benchmarks/<name>.py`` as a module (its sibling helpers, e.g. attrib_scoring, importable)."""
    if str(BENCHMARKS) not in sys.path:  # eval scripts import their helpers by plain name
        sys.path.append(str(BENCHMARKS))
    if name in sys.modules:  # already imported by another benchmark script
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None, f"no benchmark {name}"
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # dataclasses look their module up here while the body runs
    spec.loader.exec_module(mod)
    return mod
