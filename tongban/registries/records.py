"""Records of one resource for one subject, as plain dicts of field key → value.

Typed base resources are read from their tables, everything else from GenericRecord JSON. Code
fields come out as their Chinese labels (性别 "女", not "2"), dates as ISO strings, so that a record
is the same JSON whichever way the resource is stored. Used only by services.read() (the one gate).

A resource whose records another app keeps is read through the store that app installs with
`use_store(code, fetch)` at start-up: the 电子证照库 lives in tongban.licences, above this app, and is
still read through the one gate (grants, purpose, access log) like any other resource.
"""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from tongban.registries.codes import Storage
from tongban.registries.models import CreditRecord, DataResource, GenericRecord, LegalEntity, Person

TYPED = {
    Storage.POPULATION: (Person, "id_number"),
    Storage.LEGAL_ENTITY: (LegalEntity, "credit_code"),
    Storage.CREDIT: (CreditRecord, "subject_key"),
}


def plain(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def typed_row(row, keys) -> dict:
    out = {}
    for key in keys:
        display = getattr(row, f"get_{key}_display", None)
        out[key] = display() if display is not None and getattr(row, key) else plain(getattr(row, key))
    return out


# resource code → fetch(subject_key, keys) -> [record dict], installed by the app holding the records.
_stores: dict[str, Callable[[str, list[str]], list[dict]]] = {}


def use_store(resource_code: str, fetch_records: Callable[[str, list[str]], list[dict]]) -> None:
    _stores[resource_code] = fetch_records


def fetch(resource: DataResource, subject_key: str, keys: list[str]) -> list[dict]:
    store = _stores.get(resource.code)
    if store is not None:
        return store(subject_key, keys)
    if resource.storage in TYPED:
        model, key_field = TYPED[resource.storage]
        return [typed_row(row, keys) for row in model.objects.filter(**{key_field: subject_key})]
    rows = GenericRecord.objects.filter(resource=resource, subject_key=subject_key)
    return [{key: row.data.get(key) for key in keys} for row in rows]
