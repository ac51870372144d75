"""`__in` and `__range` on integer columns with numbers the column cannot hold.

Django answers `pk=99999999999999999999999999` (and `<`, `>`…) without asking the
database (its IntegerFieldOverflow lookups), but passes the same number inside
`pk__in=[…]` or `__range=(…)` to it, where SQLite raises OverflowError. The admin's
model-choice filters validate with `pk__in` and its "usage count" filter is a range, so a
huge number in `?content_type=`, `?group=`, `?site=`, `?user=` or `?usage_count_min=…`
was a 500. Such a number cannot match a row: `in` drops it (the filter form then says
"Select a valid choice"), `range` is clamped to what the column holds.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import IntegerField
from django.db.models.lookups import In, Range


def _column_range(lookup, connection):
    return connection.ops.integer_field_range(lookup.lhs.output_field.get_internal_type())


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = _column_range(self, connection)
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)


@IntegerField.register_lookup
class IntegerFieldRange(Range):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value() and all(isinstance(value, int) for value in self.rhs):
            low, high = _column_range(self, connection)
            start, end = self.rhs
            if (high is not None and start > high) or (low is not None and end < low):
                raise EmptyResultSet
            if low is not None:
                start = max(start, low)
            if high is not None:
                end = min(end, high)
            self.rhs = (start, end)
        return super().process_rhs(compiler, connection)
