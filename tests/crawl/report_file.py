"""The crawl's report: written to var/ by the test (maybe in an xdist worker) and printed in
the terminal summary of the run that made it, passed or failed (hook in tests/conftest.py,
which the xdist controller loads; this folder's conftest it does not)."""

from pathlib import Path

REPORT_DIR = Path(__file__).resolve().parents[2] / "var"


def report_path(part):
    from django.db import connection

    return REPORT_DIR / f"crawl-report-{connection.vendor}-{part}.txt"


def write(part, table, leaks):
    from django.db import connection

    REPORT_DIR.mkdir(exist_ok=True)
    lines = [f"Leak crawl on {connection.vendor}: {part}", table]
    lines += [str(leak) for leak in leaks]
    report_path(part).write_text("\n".join(lines) + "\n", encoding="utf-8")


def print_reports(terminalreporter, since):
    """The reports this run wrote: each table and its first leaks (all stay in the file)."""
    for path in sorted(REPORT_DIR.glob("crawl-report-*.txt")):
        if path.stat().st_mtime < since:
            continue
        terminalreporter.write_sep("=", path.stem)
        text = path.read_text(encoding="utf-8").splitlines()
        for line in text[:40]:
            terminalreporter.write_line(line)
        if len(text) > 40:
            terminalreporter.write_line(f"… {len(text) - 40} more lines in {path}")
