"""Feeds published matters into the search index (a generic document index, decision 0002).

One search document per standard matter with a published current version and at least one active
实施清单 entry; its places are those entries, each pointing to the public guide `/guide/<实施编码>/`.
依职权 matters (处罚, 强制, 征收, 检查) are not applied for and stay out, as in the public catalogue.
Titles rank highest, then result names (办理结果, e.g. 营业执照), then material names.

`reindex_matters()` runs after publish/cancel (catalog.services); `reindex_all()` rebuilds the kind
and is registered with the search app, which finds this module by autodiscovery.
"""

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.urls import NoReverseMatch, reverse

from tongban.catalog.codes import BY_AUTHORITY_TYPES, MatterType
from tongban.catalog.models import Implementation, Material, Matter, MatterResult, MatterVersion
from tongban.search.services import (
    DocumentInput,
    PlaceInput,
    index_documents,
    register_source,
    remove_documents,
)

KIND = "matter"
CHUNK = 500


def guide_url(code: str) -> str:
    try:
        return reverse("guide", args=[code])
    except NoReverseMatch:  # the portal's guide page may not be mounted yet
        return f"/guide/{code}/"


def _searchable_matters():
    return Matter.objects.filter(current_version__isnull=False).exclude(
        matter_type__in=[t.value for t in BY_AUTHORITY_TYPES]
    )


def _documents(matter_rows: list[dict]) -> list[DocumentInput]:
    """Documents for a chunk of matters, with a handful of queries whatever the chunk size."""
    version_ids = [m["current_version_id"] for m in matter_rows]
    results, materials, objects = defaultdict(list), defaultdict(list), defaultdict(list)
    for vid, name in (
        MatterResult.objects.filter(version_id__in=version_ids)
        .order_by("order", "id")
        .values_list("version_id", "name")
    ):
        results[vid].append(name)
    for vid, name in (
        Material.objects.filter(version_id__in=version_ids)
        .order_by("order", "id")
        .values_list("version_id", "name")
    ):
        materials[vid].append(name)
    through = MatterVersion.service_objects.through
    for vid, code in through.objects.filter(matterversion_id__in=version_ids).values_list(
        "matterversion_id", "serviceobject__code"
    ):
        objects[vid].append(code)
    places = defaultdict(list)
    impls = Implementation.objects.filter(
        status=Implementation.Status.ACTIVE, matter_id__in=[m["id"] for m in matter_rows]
    ).values_list("matter_id", "department__division_id", "level", "code", "department__name")
    for matter_id, division_id, level, code, dept in impls.iterator(chunk_size=5000):
        places[matter_id].append(
            PlaceInput(division_id=division_id, level=level, code=code, department=dept, url=guide_url(code))
        )
    docs = []
    for m in matter_rows:
        entries = places.get(m["id"])
        if not entries:
            continue  # nowhere to apply: no guide to point to
        vid = m["current_version_id"]
        docs.append(
            DocumentInput(
                key=m["basic_code"],
                title=m["name"],
                url="",  # filled from the preferred place by the index
                subtitle=MatterType(m["matter_type"]).label,
                keywords=results[vid],
                body=materials[vid],
                service_objects=objects[vid],
                category=m["matter_type"],
                # Matters offered in more places are what more people look for: a mild tie-breaker.
                weight=round(math.log10(1 + len(entries)), 3),
                places=entries,
            )
        )
    return docs


def _matter_rows(qs) -> list[dict]:
    return list(qs.values("id", "basic_code", "name", "matter_type", "current_version_id").order_by("id"))


def reindex_matters(matter_ids: Iterable[int]) -> int:
    """Bring the documents of these matters up to date (publish, new entry, cancellation)."""
    ids = sorted(set(matter_ids))
    indexed = 0
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        rows = _matter_rows(_searchable_matters().filter(pk__in=chunk))
        docs = _documents(rows) if rows else []
        keys = {d.key for d in docs}
        gone = list(
            Matter.objects.filter(pk__in=chunk)
            .exclude(basic_code__in=keys)
            .values_list("basic_code", flat=True)
        )
        if gone:
            remove_documents(KIND, gone)
        if docs:
            index_documents(KIND, docs)
        indexed += len(docs)
    return indexed


def _all_documents() -> Iterator[DocumentInput]:
    ids = list(_searchable_matters().order_by("id").values_list("id", flat=True))
    for i in range(0, len(ids), CHUNK):
        yield from _documents(_matter_rows(Matter.objects.filter(pk__in=ids[i : i + CHUNK])))


def reindex_all() -> int:
    """Rebuild every matter document (documents of matters no longer searchable are removed)."""
    return index_documents(KIND, _all_documents(), replace_all=True)


register_source(KIND, reindex_all)
