"""Counting and paging lists that grow to millions of rows.

An exact COUNT(*) over a year of a city's cases reads every row in scope, whatever page is shown;
nobody pages through 10,000 cases, they narrow the search. So lists count at most `cap` rows (an
index-range scan that stops there) and say "10000+" beyond; pages past the cap are not offered.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

COUNT_CAP = 10_000  # rows a list counts before it says "10000+"
TAB_CAP = 999  # a queue tab's badge: "999+" is as actionable as any larger number


def capped_count(qs, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """(rows, whether there are more than `cap`): at most cap + 1 rows are counted."""
    n = qs.order_by()[:cap + 1].count()
    return (cap, True) if n > cap else (n, False)


def capped_label(n: int, capped: bool) -> str:
    return f"{n}+" if capped else str(n)


class CappedPaginator(Paginator):
    """A Paginator whose count stops at `cap` (see the module's docstring); `capped` tells the page."""

    def __init__(self, object_list, per_page, *, cap: int = COUNT_CAP, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap
        self.capped = False

    @cached_property
    def count(self) -> int:
        n, self.capped = capped_count(self.object_list, self.cap)
        return n

    @property
    def count_label(self) -> str:
        return capped_label(self.count, self.capped)
