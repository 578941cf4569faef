"""Every write to the search index: documents (fed by other apps), synonyms (edited by staff) and
full rebuilds. Each write changes the index token so that every process reloads its in-memory index.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from tongban.core.services import audit
from tongban.org.models import Level
from tongban.search import text
from tongban.search.models import IndexState, SearchDocument, SearchPlace, Synonym


@dataclass
class PlaceInput:
    division_id: int
    level: int
    code: str
    department: str
    url: str


@dataclass
class DocumentInput:
    """What a source app hands to the index. `keywords` rank below the title, `body` lowest."""

    key: str
    title: str
    url: str
    subtitle: str = ""
    code: str = ""
    department: str = ""
    keywords: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    service_objects: list[str] = field(default_factory=list)
    category: str = ""
    weight: float = 1.0
    places: list[PlaceInput] = field(default_factory=list)


# Sources register how to rebuild their kind from scratch (catalog/indexing.py registers "matter").
# They are found by autodiscovering `<app>.indexing` modules, so search never imports its feeders.
_sources: dict[str, Callable[[], int]] = {}


def register_source(kind: str, rebuild: Callable[[], int]) -> None:
    _sources[kind] = rebuild


def registered_sources() -> dict[str, Callable[[], int]]:
    return dict(_sources)


def touch_index() -> str:
    """Give the index a new token; processes holding the old one reload on their next search."""
    token = IndexState.new_token()
    updated = IndexState.objects.filter(pk=1).update(token=token)
    if not updated:
        IndexState.objects.update_or_create(pk=1, defaults={"token": token})
    from tongban.search import engine

    engine.reset()  # this process sees its own change at once
    return token


def preferred_place_key(place: PlaceInput) -> tuple:
    # A city platform shows the city-level entry by default; failing that the highest level.
    return (place.level != Level.CITY, place.level, place.code)


def _analysed(doc: DocumentInput) -> dict:
    if doc.places:
        first = min(doc.places, key=preferred_place_key)
        doc.code, doc.department, doc.url = (
            doc.code or first.code,
            doc.department or first.department,
            doc.url or first.url,
        )
    keywords = [k for k in dict.fromkeys(k.strip() for k in doc.keywords) if k]
    body = [b for b in dict.fromkeys(b.strip() for b in doc.body) if b]
    terms = {"t": text.analyse(doc.title, text.FIELD_KINDS["t"])}
    terms["k"] = [t for t in text.analyse(" ".join(keywords), text.FIELD_KINDS["k"])]
    terms["b"] = [t for t in text.analyse(" ".join(body), text.FIELD_KINDS["b"])]
    segments = [doc.title, *keywords]
    return {
        "title": doc.title[:200],
        "subtitle": doc.subtitle[:300],
        "url": doc.url[:300],
        "code": doc.code[:64],
        "department": doc.department[:100],
        "keywords": "\n".join(keywords),
        "body": "\n".join(body),
        # One line per field: "t <tokens>", tokens separated by spaces (tokens never contain spaces).
        "terms": "\n".join(f"{f} {' '.join(ts)}" for f, ts in terms.items()),
        "pinyin": "|".join(" ".join(text.syllables(s)) for s in segments),
        "initials": "|".join(text.initials(s) for s in segments),
        "service_objects": ",".join(sorted(doc.service_objects)),
        "category": doc.category,
        "weight": doc.weight,
        "placed": bool(doc.places),
    }


def _place_rows(document_id: int, places: list[PlaceInput]) -> list[SearchPlace]:
    ordered = sorted(places, key=preferred_place_key)
    return [
        SearchPlace(
            document_id=document_id,
            division_id=p.division_id,
            level=p.level,
            rank=i,
            code=p.code[:64],
            department=p.department[:100],
            url=p.url[:300],
        )
        for i, p in enumerate(ordered)
    ]


@transaction.atomic
def index_documents(
    kind: str, docs: Iterable[DocumentInput], *, replace_all: bool = False, batch_size: int = 2000
) -> int:
    """Insert or update documents of `kind` (matched by key) with their places.

    `replace_all` removes the documents of `kind` not in `docs` (a full rebuild). Derived data: no
    audit row per document; the write that caused it (publishing a matter) is audited there.
    """
    existing = dict(SearchDocument.objects.filter(kind=kind).values_list("key", "pk"))
    seen: set[str] = set()
    count = 0
    batch: list[DocumentInput] = []

    def flush():
        nonlocal count
        if not batch:
            return
        rows = {d.key: _analysed(d) for d in batch}
        new = [SearchDocument(kind=kind, key=k, **v) for k, v in rows.items() if k not in existing]
        old = [
            SearchDocument(pk=existing[k], kind=kind, key=k, **v) for k, v in rows.items() if k in existing
        ]
        for obj in SearchDocument.objects.bulk_create(new):
            existing[obj.key] = obj.pk
        if not all(existing.get(o.key) for o in new):  # backends that do not return ids
            existing.update(
                SearchDocument.objects.filter(kind=kind, key__in=[o.key for o in new]).values_list(
                    "key", "pk"
                )
            )
        if old:
            SearchDocument.objects.bulk_update(old, list(rows[old[0].key].keys()))
        ids = [existing[d.key] for d in batch]
        SearchPlace.objects.filter(document_id__in=ids).delete()
        places = [p for d in batch for p in _place_rows(existing[d.key], d.places)]
        SearchPlace.objects.bulk_create(places, batch_size=5000)
        count += len(batch)
        batch.clear()

    for doc in docs:
        if doc.key in seen:
            continue
        seen.add(doc.key)
        batch.append(doc)
        if len(batch) >= batch_size:
            flush()
    flush()
    if replace_all:
        stale = [pk for key, pk in existing.items() if key not in seen]
        SearchDocument.objects.filter(pk__in=stale).delete()
    touch_index()
    return count


@transaction.atomic
def remove_documents(kind: str, keys: Iterable[str]) -> int:
    deleted, _ = SearchDocument.objects.filter(kind=kind, key__in=list(keys)).delete()
    touch_index()
    return deleted


@transaction.atomic
def rebuild_index(actor, kinds: Iterable[str] | None = None) -> dict[str, int]:
    """Rebuild every registered kind from its source (the admin's 重建索引)."""
    sources = registered_sources()
    wanted = list(kinds) if kinds is not None else sorted(sources)
    unknown = [k for k in wanted if k not in sources]
    if unknown:
        raise ValidationError({"kinds": f"没有可重建的文档类型：{'、'.join(unknown)}"})
    counts = {kind: sources[kind]() for kind in wanted}
    touch_index()
    audit(
        actor,
        "search.index.rebuild",
        None,
        "重建搜索索引：" + "，".join(f"{k} {n} 条" for k, n in counts.items()),
        {"counts": counts},
        object_type="search.index",
        object_id="1",
    )
    return counts


@transaction.atomic
def save_synonym(
    actor, synonym: Synonym | None = None, *, term: str, expansions: str, enabled: bool = True, note: str = ""
) -> Synonym:
    """Create or change a synonym; it applies to the next search in every process."""
    creating = synonym is None or synonym.pk is None
    synonym = synonym or Synonym()
    before = (
        {}
        if creating
        else dict(Synonym.objects.filter(pk=synonym.pk).values("term", "expansions", "enabled").first() or {})
    )
    synonym.term, synonym.expansions, synonym.enabled, synonym.note = term, expansions, enabled, note
    synonym.full_clean()
    synonym.save()
    touch_index()
    after = {"term": synonym.term, "expansions": synonym.expansions, "enabled": synonym.enabled}
    audit(
        actor,
        "search.synonym.create" if creating else "search.synonym.update",
        synonym,
        f"{'新增' if creating else '修改'}搜索同义词 {synonym.term} → {synonym.expansions}",
        {"before": before, "after": after} if before else {"after": after},
    )
    return synonym


@transaction.atomic
def delete_synonym(actor, synonym: Synonym) -> None:
    summary = f"删除搜索同义词 {synonym.term} → {synonym.expansions}"
    audit(
        actor,
        "search.synonym.delete",
        synonym,
        summary,
        {"term": synonym.term, "expansions": synonym.expansions},
    )
    synonym.delete()
    touch_index()
