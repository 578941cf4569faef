"""Reads of the administrative structure: divisions, departments, service sites and windows.

All of it is public information (政务公开), so nothing here is scoped to an actor; staff scopes are
accounts.selectors' business.
"""

from django.db.models import Count, Prefetch, QuerySet

from tongban.org.models import Department, Division, ServiceSite, Window

# full_name walks up the parents; five joins cover village → province.
_UP = "parent__parent__parent__parent__parent"


# -- divisions ---------------------------------------------------------------------------------

def division_by_code(code: str) -> Division | None:
    return Division.objects.filter(code=code).first()


def division_ids_below(root: Division) -> list[int]:
    """The division and all divisions under it (a county filter includes its towns and villages)."""
    ids, frontier = [root.pk], [root.pk]
    while frontier:
        frontier = list(Division.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        ids += frontier
    return ids


def division_ids_below_code(code: str) -> list[int]:
    """As division_ids_below, by code; an unknown code covers nothing."""
    root = division_by_code(code)
    return division_ids_below(root) if root is not None else []


def divisions(*, parent: Division | None = None, level: int | None = None) -> QuerySet[Division]:
    """Divisions with their parents up to the province (for full_name), optionally filtered."""
    qs = Division.objects.select_related(_UP)
    if parent is not None:
        qs = qs.filter(parent=parent)
    if level:
        qs = qs.filter(level=level)
    return qs


def division_detail(code: str) -> Division | None:
    """One division with n_departments and n_sites counted."""
    return (Division.objects.select_related(_UP)
            .annotate(n_departments=Count("departments", distinct=True), n_sites=Count("sites", distinct=True))
            .filter(code=code).first())


def children_of(division: Division) -> QuerySet[Division]:
    return division.children.order_by("code")


def divisions_down_to(level: int) -> QuerySet[Division]:
    """Divisions at `level` or above (e.g. city and counties for a filter's choices), by code."""
    return Division.objects.filter(level__lte=level).order_by("code")


# -- departments -------------------------------------------------------------------------------

def departments(*, division_ids: list[int] | None = None, sector: str | None = None) -> QuerySet[Department]:
    qs = Department.objects.select_related("division")
    if division_ids is not None:
        qs = qs.filter(division_id__in=division_ids)
    if sector:
        qs = qs.filter(sector=sector)
    return qs


def department_by_credit_code(credit_code: str) -> Department | None:
    return Department.objects.select_related("division").filter(credit_code=credit_code).first()


def department_by_id(pk: int) -> Department | None:
    return Department.objects.select_related("division").filter(pk=pk).first()


# -- service sites and windows -----------------------------------------------------------------

def sites(*, division_ids: list[int] | None = None) -> QuerySet[ServiceSite]:
    qs = ServiceSite.objects.select_related("division")
    if division_ids is not None:
        qs = qs.filter(division_id__in=division_ids)
    return qs


def sites_in_order() -> QuerySet[ServiceSite]:
    """Every site, by division code then name (a choice list of where something happened)."""
    return ServiceSite.objects.order_by("division__code", "name")


def site_by_id(pk) -> ServiceSite | None:
    return ServiceSite.objects.filter(pk=pk).first()


def window_by_id(pk) -> Window | None:
    return Window.objects.filter(pk=pk).select_related("site").first()


def windows_in_divisions(division_ids) -> QuerySet[Window]:
    return (Window.objects.filter(site__division_id__in=division_ids).select_related("site")
            .order_by("site__name", "number"))


def site_detail(site_id: int) -> ServiceSite | None:
    """One site with its windows (by number) and each window's departments, prefetched."""
    windows = Prefetch("windows", queryset=Window.objects.prefetch_related("departments").order_by("number"))
    return ServiceSite.objects.select_related("division").prefetch_related(windows).filter(pk=site_id).first()
