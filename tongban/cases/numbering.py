"""Readable, unique case numbers: implementation code + date + a daily serial (e.g. …20261123 00042)."""

from django.db.models import F
from django.utils import timezone

from tongban.cases.models import CaseSerial


def next_number(implementation) -> str:
    # One row per implementation and day, bumped with UPDATE … SET last = last + 1: concurrent
    # submissions queue on that row only until their transaction commits, and never share a number.
    day = timezone.localdate()
    serial, _ = CaseSerial.objects.get_or_create(implementation=implementation, day=day)
    CaseSerial.objects.filter(pk=serial.pk).update(last=F("last") + 1)
    serial.refresh_from_db(fields=["last"])
    return f"{implementation.code}{day:%Y%m%d}{serial.last:05d}"
