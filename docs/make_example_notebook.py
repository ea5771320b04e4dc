"""Write docs/example.ipynb (run: python docs/make_example_notebook.py).

The notebook is executed by tests/test_notebook.py so it cannot rot.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

CELLS = [
    ("md", "# biaslens in a notebook\n\nRead articles, measure them, compare outlets, chart and report. "
           "This example uses the bundled **fictional** demo corpus."),
    ("code", "%matplotlib inline\nimport biaslens as bl\nfrom biaslens.pipeline import demo_corpus_path\n\n"
             "articles = bl.read(demo_corpus_path())   # a polars DataFrame, one row per article\n"
             "articles.select('id', 'outlet', 'title').head()"),
    ("md", "`bl.analyze` accepts the DataFrame (pandas works too) or paths. The result holds the per-article "
           "metrics and long tables of attributions and hedge/booster cues."),
    ("code", "analysis = bl.analyze(articles, jobs=1)\nprint(analysis.summary_line())\nanalysis.articles.head()"),
    ("md", "## Compare outlets\n\nOne tidy row per outlet and metric: n, mean, median, seeded 95% bootstrap CI, "
           "a flag for outlets with too few articles and the rank."),
    ("code", "table = bl.compare(analysis.articles, by='outlet', n_boot=500)\n"
             "metric = table['metric'][0]\n"
             "table.filter(table['metric'] == metric)"),
    ("code", "from biaslens.comparison import differences\n\n"
             "diff = differences(analysis.articles, by='outlet', min_n=5)\n"
             "diff.pairwise.sort('p_adj').head()"),
    ("md", "## Charts\n\n`bl.plot` functions return matplotlib Figures (no global pyplot state)."),
    ("code", "fig = bl.plot.ranked(table, metric)\nfig"),
    ("code", "bl.plot.heatmap(table)"),
    ("md", "## Report\n\nA self-contained HTML report with Markdown, CSV/Parquet tables, charts and one evidence "
           "page per article."),
    ("code", "import tempfile, pathlib\n\nout = pathlib.Path(tempfile.mkdtemp()) / 'demo-report'\n"
             "index = bl.report(analysis, out)\nsorted(p.name for p in out.iterdir())"),
]


def build() -> nbformat.NotebookNode:
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [new_markdown_cell(src) if kind == "md" else new_code_cell(src) for kind, src in CELLS]
    return nb


if __name__ == "__main__":
    path = Path(__file__).with_name("example.ipynb")
    nbformat.write(build(), path)
    print(f"wrote {path}")
