"""The walkthrough notebook runs clean from top to bottom (nbclient, a real kernel), and shows what it says."""

from __future__ import annotations

import pathlib

import nbclient
import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "examples" / "walkthrough.ipynb"


def test_walkthrough_notebook_runs_clean():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit the notebook without outputs"
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o.data["text/html"] for o in outputs if o.output_type == "execute_result" and "text/html" in o.data]
    report = next(h for h in html if "qiqihar-2018-region" in h and "<caption" in h)
    assert 'class="fail' in report  # the failing cells are marked
    assert any("sev-error" in h for h in html)  # findings grouped by severity
    pictures = [o for o in outputs if o.output_type == "display_data" and "image/png" in o.data]
    assert len(pictures) == 3  # shares, series, heatmap
    printed = "".join(o.text for o in outputs if o.output_type == "stream")
    assert "相差4" in printed and "29 of the 29 transcribed cells" in printed
