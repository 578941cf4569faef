"""Readable, unique case numbers: implementation code + date + a daily serial (e.g. …20261123 00042)."""

from tongban.core.serials import next_daily


def next_number(implementation) -> str:
    """The next number of `implementation` today. Call inside the transaction that stores it, right
    before inserting the case (tongban.core.serials: the serial row stays locked until commit)."""
    day, last = next_daily(f"case:{implementation.pk}")
    return f"{implementation.code}{day:%Y%m%d}{last:05d}"
