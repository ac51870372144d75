"""The access module finds a subtree by a range of paths (an index serves it in any
collation), not by LIKE: the range must hold exactly the subtree, also where a path ends in
the alphabet's last letter."""

import itertools

from wagtail.models import Page

from portal.access import _subtree_end


def _inside(path, root):
    end = _subtree_end(root)
    return root <= path and (end is None or path < end)


def test_a_path_range_holds_exactly_the_subtree():
    alphabet = Page.alphabet
    steps = ["0001", "0009", "000A", "000Z", "00Z0", "0ZZZ"]
    paths = ["0001" + a + b for a, b in itertools.product(steps, repeat=2)]
    paths += ["0001" + a for a in steps] + ["0001", "0002", "ZZZZ"]
    for root in paths:
        for path in paths:
            assert _inside(path, root) == path.startswith(root), (root, path)
    assert _subtree_end("0001000Z") == "0001001"
    assert _subtree_end(alphabet[-1] * 4) is None
