"""Search reads: rank documents in memory, then (only when narrowed to a division) pick each
document's place in that division through the (document, rank) index."""

from dataclasses import dataclass

from tongban.search import engine, text
from tongban.search.models import SearchPlace

MAX_QUERY_LENGTH = 50
SUGGEST_LIMIT = 8


class QueryError(ValueError):
    """A query the user must fix; `message` is shown to them and names the field."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


@dataclass
class Result:
    kind: str
    key: str
    title: str
    subtitle: str
    url: str
    code: str
    department: str
    score: float


@dataclass
class Area:
    code: str
    name: str


@dataclass
class Results:
    query: str
    results: list[Result]
    total: int
    division: Area | None = None


def clean_query(q: str | None) -> str:
    q = text.normalise(q or "")
    if not q:
        raise QueryError("q", "请输入搜索词（q）")
    if len(q) > MAX_QUERY_LENGTH:
        raise QueryError("q", f"搜索词（q）不能超过{MAX_QUERY_LENGTH}个字")
    return q


def _division(places: engine.Places, code: str | None) -> tuple[int, str] | None:
    if not code:
        return None
    pk = places.by_code.get(code)
    if pk is None:
        raise QueryError("division", f"区划代码（division）{code} 不存在")
    return pk, places.divisions[pk][1]


def _place_rows(pairs: list[tuple[int, int]]) -> dict[int, SearchPlace]:
    """The place rows to show: (document id, rank) pairs read through the (document, rank) index.
    Two IN lists are cheaper to build and plan than an OR of pairs; extra rows are dropped here."""
    if not pairs:
        return {}
    wanted = set(pairs)
    rows = SearchPlace.objects.filter(
        document_id__in={d for d, _ in pairs}, rank__in={r for _, r in pairs}
    ).only("document_id", "rank", "code", "department", "url")
    return {p.document_id: p for p in rows if (p.document_id, p.rank) in wanted}


def search(
    q: str | None,
    *,
    division: str | None = None,
    service_object: str | None = None,
    kinds: tuple[str, ...] | None = None,
    limit: int = 20,
    offset: int = 0,
) -> Results:
    """Documents for plain-word query `q`, best first. Without a division each matter appears once,
    at its preferred (city-level) entry; with one, at its entry in that division or below, and
    matters not implemented there are left out."""
    query = clean_query(q)
    if service_object and service_object not in {"1", "2", "3", "4", "5", "6"}:
        raise QueryError("object", "服务对象（object）应为1至6的代码，如1自然人、2企业法人")
    index = engine.get_index()
    div = _division(index.places(), division) if division else None
    hits = index.rank(query, service_object=service_object, kinds=kinds)
    places: dict[int, SearchPlace] = {}
    if div is not None:
        subtree = index.places().subtree(div[0])
        ranks = {h.doc.id: index.places().first_rank_in(h.doc.id, subtree) for h in hits if h.doc.placed}
        # Documents without places (e.g. city-wide themes) are available everywhere.
        hits = [h for h in hits if not h.doc.placed or ranks[h.doc.id] is not None]
        page = hits[offset : offset + limit]
        # Rank 0 is the document's own default place, already held in memory.
        places = _place_rows([(h.doc.id, ranks[h.doc.id]) for h in page if h.doc.placed and ranks[h.doc.id]])
    results = []
    for h in hits[offset : offset + limit]:
        place = places.get(h.doc.id)
        results.append(
            Result(
                kind=h.doc.kind,
                key=h.doc.key,
                title=h.doc.title,
                subtitle=h.doc.subtitle,
                url=place.url if place else h.doc.url,
                code=place.code if place else h.doc.code,
                department=place.department if place else h.doc.department,
                score=round(h.score, 4),
            )
        )
    return Results(
        query=query,
        results=results,
        total=len(hits),
        division=Area(code=division, name=div[1]) if div else None,
    )


def suggest(q: str | None, limit: int = SUGGEST_LIMIT) -> list[Result]:
    """Autocomplete: the best few titles for what has been typed so far."""
    query = text.normalise(q or "")
    if not query or len(query) > MAX_QUERY_LENGTH:
        return []
    return search(query, limit=limit).results
