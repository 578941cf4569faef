"""Running numbers behind every readable number of the platform (case, joint case, ticket, order,
receipt, licence serial): one mechanism, the fastest of those the platform had (docs/decisions/0005).

One row per scope and period, created or bumped by a single INSERT … ON CONFLICT DO UPDATE …
RETURNING (PostgreSQL; SQLite ≥ 3.35 speaks the same). The row stays locked until the caller
commits, so concurrent writers of one scope queue here and never share a number, and a rolled-back
write gives its number back (no gaps). Callers draw the number as late as they can — right before
inserting what it numbers — to keep that queue short.
"""

from datetime import date

from django.db import connection
from django.utils import timezone

from tongban.core.models import Serial

_meta = Serial._meta


def next_value(scope: str, period: str = "") -> int:
    """The next number of `scope` in `period`. Call inside the transaction that stores it."""
    quote = connection.ops.quote_name
    table = quote(_meta.db_table)
    scope_col, period_col, last_col = (quote(_meta.get_field(f).column) for f in ("scope", "period", "last"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({scope_col}, {period_col}, {last_col}) VALUES (%s, %s, 1) "
            f"ON CONFLICT ({scope_col}, {period_col}) DO UPDATE SET {last_col} = {table}.{last_col} + 1 "
            f"RETURNING {last_col}",
            [scope, period])
        (last,) = cursor.fetchone()
    return last


def next_daily(scope: str) -> tuple[date, int]:
    """(today in Beijing time, the day's next number of `scope`): numbers that restart every day."""
    day = timezone.localdate()
    return day, next_value(scope, day.isoformat())
