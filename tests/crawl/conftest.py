import pytest

from tests.crawl import report_file


@pytest.fixture
def crawl_report():
    return report_file.write
