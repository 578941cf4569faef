"""Readable, unique case numbers: implementation code + date + a daily serial (e.g. …20261123 00042)."""

from django.db import connection
from django.utils import timezone

from tongban.cases.models import CaseSerial


def next_number(implementation) -> str:
    """The next number of `implementation` today. Call inside the transaction that stores it.

    One row per implementation and day, created or bumped by a single
    INSERT … ON CONFLICT DO UPDATE … RETURNING (PostgreSQL; SQLite ≥ 3.35 speaks the same). The row
    stays locked until the caller commits, so concurrent submissions of one matter queue here and
    never share a number, and a rolled-back submission gives its number back (no gaps). Callers take
    the number as late as they can — right before inserting the case — to keep that queue short.
    """
    day = timezone.localdate()
    meta = CaseSerial._meta
    table, impl_col, day_col, last_col = (connection.ops.quote_name(name) for name in (
        meta.db_table, meta.get_field("implementation").column, meta.get_field("day").column,
        meta.get_field("last").column))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({impl_col}, {day_col}, {last_col}) VALUES (%s, %s, 1) "
            f"ON CONFLICT ({impl_col}, {day_col}) DO UPDATE SET {last_col} = {table}.{last_col} + 1 "
            f"RETURNING {last_col}",
            [implementation.pk, connection.ops.adapt_datefield_value(day)])
        (last,) = cursor.fetchone()
    return f"{implementation.code}{day:%Y%m%d}{last:05d}"
