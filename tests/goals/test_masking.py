"""Small counts never show, and neither does anything that gives them away (goals/masking.py)."""

from decimal import Decimal

from goals.masking import PRIMARY, SECONDARY, Cell, suppress, total_of


def _shares(*pairs):
    return [
        Cell(key=f"m{i}", numerator=n, denominator=d, is_percentage=True)
        for i, (n, d) in enumerate(pairs)
    ]


def _counts(*values):
    return [Cell(key=f"m{i}", value=Decimal(v)) for i, v in enumerate(values)]


def test_a_count_below_five_is_masked_and_one_of_five_is_not():
    cells = _counts(4, 5, 30, 40)
    total = suppress(cells, total_of(cells, False))
    assert cells[0].masked == PRIMARY
    assert cells[1].masked == SECONDARY  # the next-smallest
    assert total.masked == ""
    assert total.figure == Decimal(79)


def test_a_share_is_masked_when_its_numerator_or_denominator_is_small():
    cells = _shares((3, 40), (30, 4), (20, 40), (25, 50), (30, 60))
    suppress(cells, total_of(cells, True))
    assert [c.masked for c in cells[:2]] == [PRIMARY, PRIMARY]


def test_one_masked_cell_takes_the_next_smallest_ones_with_it_so_the_total_gives_nothing_away():
    # Total minus the shown cells is what the masked cells hold together: at least three,
    # so that no municipality can subtract its own figure and read another's.
    cells = _counts(2, 50, 9, 12, 70)
    total = suppress(cells, total_of(cells, False))
    masked = {c.key for c in cells if c.masked}
    assert masked == {"m0", "m2", "m3"}
    assert [c.masked for c in cells] == [PRIMARY, "", SECONDARY, SECONDARY, ""]
    shown_sum = sum(c.value for c in cells if not c.masked)
    assert total.figure - shown_sum == Decimal(2 + 9 + 12)  # never a single cell


def test_with_two_municipalities_the_total_is_masked_instead():
    cells = _counts(3, 40)
    total = suppress(cells, total_of(cells, False))
    assert cells[0].masked == PRIMARY
    assert cells[1].masked == ""
    assert total.masked == SECONDARY


def test_a_small_total_is_masked_itself():
    cells = _counts(1, 1, 1)
    total = suppress(cells, total_of(cells, False))
    assert total.masked == PRIMARY


def test_nothing_is_masked_when_every_count_is_large():
    cells = _shares((40, 50), (30, 35), (12, 20))
    total = suppress(cells, total_of(cells, True))
    assert not any(c.masked for c in cells) and total.masked == ""
    assert total.figure == Decimal("78.1")  # 82 of 105


def test_a_reader_who_knows_one_of_the_hidden_cells_gets_the_total_masked():
    # Three hidden; the reader is the editor of m0 and of m2: one hidden cell is left to
    # them, which the total would give away.
    cells = _counts(2, 50, 9, 12, 70)
    total = suppress(cells, total_of(cells, False), known={"m0", "m2"})
    assert total.masked == SECONDARY
    cells = _counts(2, 50, 9, 12, 70)
    total = suppress(cells, total_of(cells, False), known={"m0"})
    assert total.masked == ""


def test_cells_without_a_figure_are_not_counted_as_municipalities_to_hide_among():
    cells = [*_counts(3, 40), Cell(key="m9")]
    total = suppress(cells, total_of(cells, False))
    assert total.masked == SECONDARY


def test_a_published_share_without_counts_is_shown_and_has_no_total():
    cells = [Cell(key="k", value=Decimal("54.25"), is_percentage=True)]
    total = suppress(cells, total_of(cells, True))
    assert cells[0].masked == "" and cells[0].figure == Decimal("54.3")
    assert total.figure is None
