"""examples/dask_check.py on a small local cluster (two worker processes): the findings it gathers
from a folder of report files, and from a folder of published pages (extracted on the workers),
are those of checking each file in turn."""

from __future__ import annotations

import importlib.util
import os

import pandas as pd
import pytest

from conftest import REPO

distributed = pytest.importorskip("dask.distributed", reason="the Dask example needs dask[distributed] (pip install disclosure[test])")

FOLDER = REPO / "tests" / "data" / "reports"


def load_example():
    spec = importlib.util.spec_from_file_location("dask_check", REPO / "examples" / "dask_check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pdf_and_word_folder(folder):
    """A few PDF and Word files (the whole of tests/data/converted takes half a minute), one broken."""
    import shutil

    folder.mkdir()
    data = REPO / "tests" / "data"
    for name in ("2021_pingtan_zonghe_shiyanqu.pdf", "2021_pingtan_zonghe_shiyanqu.docx", "2012_pingtan_county.writer.pdf"):
        shutil.copy(data / "converted" / name, folder / name)
    shutil.copy(data / "pdf" / "2024_huaian_city.pdf", folder / "huaian.pdf")
    (folder / "cut.pdf").write_bytes((data / "pdf" / "2024_huaian_city.pdf").read_bytes()[:3000])
    return folder


@pytest.mark.parametrize("folder, least", [(FOLDER, 20), (REPO / "tests" / "data" / "pages", 11), ("pdf-and-word", 5)],
                         ids=["report files", "pages", "PDF and Word files"])
def test_a_folder_checked_on_a_local_cluster_equals_checking_each_file(folder, least, tmp_path):
    if folder == "pdf-and-word":
        folder = pdf_and_word_folder(tmp_path / folder)
    example = load_example()
    files = example.report_files(folder)
    assert len(files) >= least
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        frame = example.check_folder(folder, client)
        pids = set(client.run(os.getpid).values())
    assert len(pids) == 2 and os.getpid() not in pids  # two worker processes, not this one
    expected = pd.concat([example.findings_of_file(p) for p in files], ignore_index=True)
    expected = expected.sort_values(["file", "report", "rule"], kind="stable").reset_index(drop=True)
    assert len(frame) == len(expected) > 0
    pd.testing.assert_frame_equal(frame.drop(columns=["cells"]), expected.drop(columns=["cells"]))
    assert frame["cells"].map(repr).tolist() == expected["cells"].map(repr).tolist()
    assert set(frame["status"]) <= {"FAIL", "NOT_ASSESSABLE", "ERROR"}
    assert (frame["status"] == "FAIL").any()


def test_an_unreadable_file_is_a_row_of_its_own(tmp_path):
    example = load_example()
    (tmp_path / "cut.pdf").write_bytes((REPO / "tests" / "data" / "pdf" / "2024_huaian_city.pdf").read_bytes()[:3000])
    frame = example.findings_of_file(str(tmp_path / "cut.pdf"))
    assert frame[["rule", "status"]].values.tolist() == [["read", "ERROR"]]
    assert frame["message_en"][0].startswith(f"{tmp_path / 'cut.pdf'}: not a readable PDF")
