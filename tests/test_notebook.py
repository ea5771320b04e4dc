"""Execute docs/example.ipynb so the documented notebook API cannot rot."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "docs" / "example.ipynb"


def test_example_notebook_is_current() -> None:
    nbformat = pytest.importorskip("nbformat")
    sys.path.insert(0, str(NOTEBOOK.parent))
    try:
        from make_example_notebook import build
    finally:
        sys.path.pop(0)
    assert [c.source for c in nbformat.read(NOTEBOOK, as_version=4).cells] == [c.source for c in build().cells], \
        "docs/example.ipynb is stale: run python docs/make_example_notebook.py"


def test_example_notebook_runs(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel", reason="ipykernel is needed to run the notebook")
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    nb = nbformat.read(NOTEBOOK, as_version=4)
    try:
        KernelSpecManager().get_kernel_spec("python3")
        kernel = "python3"
    except NoSuchKernel:
        pytest.skip("no python3 Jupyter kernel: run python -m ipykernel install --sys-prefix")
    client = nbclient.NotebookClient(nb, timeout=240, kernel_name=kernel, resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the figures rendered
    last = nb.cells[-1].outputs[-1]["data"]["text/plain"]
    assert "index.html" in last and "report.md" in last
