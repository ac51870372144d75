"""The crawl's report: written to var/ by the test (maybe in an xdist worker) and printed in
the terminal summary of the run that made it, passed or failed."""

import time
from pathlib import Path

import pytest
from django.db import connection

REPORT_DIR = Path(__file__).resolve().parents[2] / "var"
_started = time.time()


def _report_path():
    return REPORT_DIR / f"crawl-report-{connection.vendor}.txt"


@pytest.fixture
def crawl_report():
    def write(table, leaks):
        REPORT_DIR.mkdir(exist_ok=True)
        lines = [f"Leak crawl on {connection.vendor}", table]
        lines += [str(leak) for leak in leaks]
        _report_path().write_text("\n".join(lines) + "\n", encoding="utf-8")

    return write


def pytest_terminal_summary(terminalreporter):
    for path in sorted(REPORT_DIR.glob("crawl-report-*.txt")):
        if path.stat().st_mtime >= _started:
            terminalreporter.write_sep("=", "leak crawl")
            text = path.read_text(encoding="utf-8").splitlines()
            # The table and the first leaks; the whole list stays in the file.
            for line in text[:60]:
                terminalreporter.write_line(line)
            if len(text) > 60:
                terminalreporter.write_line(f"… {len(text) - 60} more lines in {path}")
