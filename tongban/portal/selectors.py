"""Reads for the public pages, on top of the catalogue's public selectors (never forked)."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_noop

from tongban.catalog.codes import GOVERNMENT_SERVICE_TYPES, MatterType
from tongban.catalog.models import Category, Implementation, Matter, ServiceObject
from tongban.catalog.selectors import filter_implementations, public_implementations
from tongban.core.links import absolute_url
from tongban.org.models import Department, Division, Level
from tongban.portal.models import FeaturedMatter

# 法人办事 covers every service object except natural persons (服务对象 2–6).
ORGANISATION_OBJECTS = ("2", "3", "4", "5", "6")
ORGANISATION = "org"
_PUBLIC_TYPES = {*GOVERNMENT_SERVICE_TYPES, MatterType.PUBLIC_SERVICE}


def guide_url(code: str) -> str:
    """The guide's address in its QR code: scanned off paper, so the public one, not the request's host."""
    return absolute_url(reverse("guide", args=[code]))


def ordered(qs: QuerySet[Implementation]) -> QuerySet[Implementation]:
    # Higher levels first, then the matter's code: the order provincial portals list entries in.
    return qs.order_by("level", "matter__basic_code", "department__division__code", "code")


@dataclass
class BrowseFilters:
    division: str = ""
    department: int | None = None
    level: int | None = None
    object: str = ""
    category: str = ""
    type: str = ""
    q: str = ""

    @classmethod
    def from_query(cls, data) -> "BrowseFilters":
        def as_int(name):
            value = (data.get(name) or "").strip()
            return int(value) if value.isdigit() else None

        level = as_int("level")
        mtype = (data.get("type") or "").strip()
        obj = (data.get("object") or "").strip()
        return cls(
            division=(data.get("division") or "").strip()[:12],
            department=as_int("department"),
            level=level if level in Level.values else None,
            object=obj if obj == ORGANISATION or obj in {"1", *ORGANISATION_OBJECTS} else "",
            category=(data.get("category") or "").strip()[:20],
            type=mtype if mtype in MatterType.values else "",
            q=(data.get("q") or "").strip()[:50],
        )


def browse(filters: BrowseFilters) -> QuerySet[Implementation]:
    qs = filter_implementations(
        public_implementations(), division=filters.division or None, department=filters.department,
        matter_type=filters.type or None, level=filters.level, category=filters.category or None,
        service_object=filters.object if filters.object not in ("", ORGANISATION) else None,
        text=filters.q or None,
    )
    if filters.object == ORGANISATION:
        qs = qs.filter(matter__current_version__service_objects__code__in=ORGANISATION_OBJECTS).distinct()
    return ordered(qs)


def browse_options() -> dict:
    return {
        "divisions": list(Division.objects.filter(level__lte=Level.COUNTY).order_by("code")),
        "departments": list(
            Department.objects.select_related("division")
            .filter(implementations__status=Implementation.Status.ACTIVE)
            .distinct().order_by("division__code", "order")),
        "levels": [(v, label) for v, label in Level.choices if v >= Level.CITY],
        "objects": list(ServiceObject.objects.all()),
        "categories": list(Category.objects.all()),
        "types": [(v, label) for v, label in MatterType.choices
                  if v in GOVERNMENT_SERVICE_TYPES or v == MatterType.PUBLIC_SERVICE],
    }


def categories_with_counts(audience: str) -> dict[str, list[Category]]:
    """Life events and topics of one audience, each with its number of public entries (the number the
    browse page then lists)."""
    counts = dict(
        public_implementations().filter(matter__current_version__categories__audience=audience)
        .values_list("matter__current_version__categories__code")
        .annotate(n=Count("id", distinct=True)).values_list("matter__current_version__categories__code", "n")
    )
    grouped = {Category.Kind.LIFE_EVENT: [], Category.Kind.TOPIC: []}
    for c in Category.objects.filter(audience=audience).order_by("order"):
        c.matter_count = counts.get(c.code, 0)
        grouped[c.kind].append(c)
    return {"life_events": grouped[Category.Kind.LIFE_EVENT], "topics": grouped[Category.Kind.TOPIC]}


POPULAR_LIMIT = 10


def _first_entries(matter_ids: list[int]) -> dict[int, Implementation]:
    """Each matter's entry of the highest level (the city's own for city matters)."""
    entries: dict[int, Implementation] = {}
    for impl in ordered(public_implementations().filter(matter_id__in=matter_ids)):
        entries.setdefault(impl.matter_id, impl)
    return entries


def popular_matters(limit: int = POPULAR_LIMIT) -> list[Implementation]:
    """热门事项: the administrators' list (FeaturedMatter, by standard name, in their order); without
    one, the matters offered at the most county-or-higher service centres. Counting every entry would
    put matters that each village carries out first, which is not what most people come for."""
    names = list(FeaturedMatter.objects.filter(enabled=True).values_list("name", flat=True))
    if names:
        ids = {name: [] for name in names}
        for pk, name in Matter.objects.filter(name__in=names).order_by("basic_code").values_list("pk", "name"):
            ids[name].append(pk)
        wanted = [pk for name in names for pk in ids[name]]
        entries = _first_entries(wanted)
        chosen = [entries[pk] for pk in wanted if pk in entries][:limit]
        if chosen:
            return chosen
    matters = (
        Matter.objects.filter(current_version__isnull=False, matter_type__in=[str(t) for t in _PUBLIC_TYPES],
                              implementations__status=Implementation.Status.ACTIVE,
                              implementations__level__lte=Level.COUNTY)
        .annotate(n=Count("implementations", distinct=True)).order_by("-n", "basic_code")[:limit]
    )
    ids = [m.pk for m in matters]
    entries = _first_entries(ids)
    return [entries[i] for i in ids if i in entries]


def divisions_with_departments() -> list[tuple[Division, list[Department]]]:
    counts = dict(
        public_implementations().order_by().values_list("department_id")
        .annotate(n=Count("id")).values_list("department_id", "n")
    )
    out = []
    departments = Department.objects.select_related("division").order_by("division__code", "order", "name")
    by_division: dict[int, list[Department]] = {}
    for d in departments:
        d.matter_count = counts.get(d.pk, 0)
        by_division.setdefault(d.division_id, []).append(d)
    for division in Division.objects.filter(pk__in=by_division).order_by("code"):
        out.append((division, by_division[division.pk]))
    return out


def top_departments(limit: int = 12) -> list[Department]:
    """The city's own departments (highest level present), for the home page."""
    top = Division.objects.filter(departments__isnull=False).order_by("level", "code").first()
    if top is None:
        return []
    return list(Department.objects.filter(division=top).order_by("order", "name")[:limit])


# The two lists a bureau publishes (政务服务事项目录, 公共服务事项目录).
LISTS = {
    "government-services": {"title": gettext_noop("政务服务事项目录"),
                            "types": sorted(GOVERNMENT_SERVICE_TYPES)},
    "public-services": {"title": gettext_noop("公共服务事项目录"), "types": [MatterType.PUBLIC_SERVICE]},
}


def published_list(kind: str, division: str = "") -> QuerySet[Implementation]:
    qs = public_implementations().filter(matter__matter_type__in=[str(t) for t in LISTS[kind]["types"]])
    qs = filter_implementations(qs, division=division or None)
    return ordered(qs)
