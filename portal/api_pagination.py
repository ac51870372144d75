"""The admin's API (the page explorer's menu and choosers call it) with offsets beyond any
row answered by an empty page.

Wagtail's pagination passes any non-negative offset to the database: a number no column
holds (`?offset=99999999999999999999999999`) was a 500 ("datatype mismatch" on SQLite, out
of range on PostgreSQL). An offset past the last row can only give an empty page, so that
is the answer, and the database never sees the number.
"""

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.views import BaseAPIViewSet


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "")
        if offset.isdigit() and int(offset) > 0:
            count = queryset.count()
            if int(offset) >= count:
                page = super().paginate_queryset(queryset.none(), request, view)
                self.total_count = count
                return page
        return super().paginate_queryset(queryset, request, view)


def install():
    BaseAPIViewSet.pagination_class = BoundedPagination
