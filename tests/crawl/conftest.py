import pytest

from tests.crawl import report_file
from tests.crawl.marked import build
from tests.shared import shared


@pytest.fixture
def crawl_report():
    return report_file.write


@shared
def marked(world):
    """The marked content (tests/crawl/marked.py), built once for the crawl's parts that
    run on the same worker."""
    return build(world)
