"""The arithmetic of a pager, shared by every list that pages by hand (the rest use Flask-SQLAlchemy's)."""
from __future__ import annotations


class Paged:
    """What the ``pager`` macro reads, from ``page``, ``per_page`` and ``counted`` (the rows there are to page
    through; ``total`` unless a list counts something else)."""

    page: int
    per_page: int

    @property
    def counted(self) -> int:
        return self.total

    @property
    def pages(self) -> int:
        return max(1, -(-self.counted // self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1
