"""The identity-number guard takes its date and check-digit rules from python-stdnum
(`stdnum.se.personnummer`), adding only the coordination number's day + 60."""

import pytest
from stdnum.se import personnummer

from portal.identity_numbers import find_numbers

# Numbers from python-stdnum's own documentation and tests: valid and invalid.
LIBRARY_EXAMPLES = ["880320-0016", "880320-0018", "811228-9841", "890102-3286", "121212-1212"]


@pytest.mark.parametrize("number", LIBRARY_EXAMPLES)
def test_an_ordinary_number_is_found_exactly_when_the_library_calls_it_valid(number):
    assert bool(find_numbers(f"Eleven {number} bor här")) is personnummer.is_valid(number)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("000229-1235", True),  # 29 February 2000 existed
        ("19640229-1235", False),  # right date, wrong check digit
        ("010229-1234", False),  # 29 February 2001 did not exist
        ("640289-1235", True),  # coordination number for 29 February 1964
        ("010289-1231", False),  # coordination number for 29 February 2001
        ("121272-1219", True),  # coordination number, day 12 + 60
        ("121292-1215", False),  # day 92 - 60 = 32
        ("19121212+1212", True),  # twelve digits with the 100-year sign
    ],
)
def test_dates_follow_the_calendar_for_personal_and_coordination_numbers(text, found):
    assert bool(find_numbers(text)) is found, text


def test_a_found_number_is_reported_as_its_ten_digits():
    assert find_numbers("Samordningsnummer 19640289-1235.") == [(18, 31, "6402891235")]
