"""Check a folder of report files in parallel with Dask and gather the findings into one DataFrame.

The per-file step is one function, `findings_of_file`: it reads a file's reports — a report file
(JSON, CSV) as it is, a published page (HTML, text in UTF-8 or GBK; PDF; Word) by extraction — and runs every
check the library has (each report's rules, stated figures, the links between the file's reports),
keeping what did not pass. A file that cannot be read (an encrypted or scanned PDF, say) is one
row of status ERROR (rule `read`) with the reason; the other files are not lost. Dask runs it over partitions of the folder's files on a cluster's
workers; the findings come back as one pandas DataFrame. Nothing is shared between workers but the
file names, so the same code scales from the two processes of a laptop to a cluster of machines:
pass a scheduler's address instead of starting a LocalCluster.

    python examples/dask_check.py FOLDER [--workers 2] [--scheduler tcp://host:8786] [--out findings.csv]

The folder is searched recursively for report files and pages.
"""

from __future__ import annotations

import argparse
import os
import pathlib
from typing import Sequence

import pandas as pd

import disclosure

PATTERNS = ("*.json", "*.csv", "*.html", "*.htm", "*.txt", "*.pdf", "*.docx", "*.doc")


def findings_of_file(path: str) -> pd.DataFrame:
    """Every check of one file's reports; what did not pass, one row per finding, with the file."""
    try:
        reports = disclosure.read_reports(path)  # a page (.html, .txt, .pdf, .docx, .doc) is read by extraction
    except (disclosure.Error, OSError) as e:  # ParseError names the file (and the page of a PDF)
        frame = _empty()
        frame.loc[0, ["file", "rule", "status", "message_en"]] = [path, "read", "ERROR", str(e)]
        return frame
    findings = [f for f in disclosure.check_reports(reports) if f.status != disclosure.Status.PASS]
    frame = disclosure.frames.findings_frame(findings)
    frame.insert(0, "file", path)
    return frame


def check_partition(paths: Sequence[str]) -> pd.DataFrame:
    """The per-partition function Dask runs on a worker: the library's checks over a few files."""
    frames = [findings_of_file(p) for p in paths]
    return pd.concat(frames, ignore_index=True) if frames else _empty()


def _empty() -> pd.DataFrame:
    frame = disclosure.frames.findings_frame([])
    frame.insert(0, "file", pd.Series(dtype=object))
    return frame


def report_files(folder: str | os.PathLike[str]) -> list[str]:
    root = pathlib.Path(folder)
    return sorted(str(p) for pattern in PATTERNS for p in root.rglob(pattern))


def check_folder(folder: str | os.PathLike[str], client=None, partitions: int | None = None) -> pd.DataFrame:
    """The findings of every report file in `folder`, checked on the Dask cluster of `client` (the
    current one when None), in `partitions` partitions (default: two per worker)."""
    import dask

    paths = report_files(folder)
    if not paths:
        return _empty()
    if partitions is None:
        workers = len(client.scheduler_info()["workers"]) if client is not None else os.cpu_count() or 1
        partitions = max(1, min(len(paths), 2 * workers))
    chunks = [paths[i::partitions] for i in range(partitions)]
    parts = [dask.delayed(check_partition)(chunk) for chunk in chunks if chunk]
    # Each partition's frame comes back to the client, which joins them (findings are small;
    # dask.dataframe.from_delayed would keep them distributed, at the price of pyarrow).
    frame = pd.concat(dask.compute(*parts), ignore_index=True)
    return frame.sort_values(["file", "report", "rule"], kind="stable").reset_index(drop=True)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Check a folder of report files in parallel with Dask.")
    ap.add_argument("folder")
    ap.add_argument("--workers", type=int, default=2, help="local worker processes (ignored with --scheduler)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://host:8786")
    ap.add_argument("--out", help="write the findings to this CSV file")
    args = ap.parse_args(argv)
    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        frame = check_folder(args.folder, client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print(f"{frame['file'].nunique()} files, {frame['report'].nunique()} reports with findings: "
          + ", ".join(f"{n} {s}" for s, n in frame["status"].value_counts().items() if n))
    if args.out:
        frame.drop(columns=["cells"]).to_csv(args.out, index=False)


if __name__ == "__main__":
    main()
