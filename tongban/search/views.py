"""The search pages: results (server-rendered, HTMX swaps the results block) and the autocomplete
fragment for the search box's listbox."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from tongban.org.models import Level
from tongban.org.selectors import divisions_down_to
from tongban.search import selectors

PER_PAGE = 20
SERVICE_OBJECTS = [("1", "个人办事"), ("2", "法人办事")]


def _page(request) -> int:
    try:
        return max(1, min(int(request.GET.get("page", "1")), 5))
    except ValueError:
        return 1


@require_GET
def search_page(request):
    q = request.GET.get("q", "").strip()
    division = request.GET.get("division", "").strip()
    service_object = request.GET.get("object", "").strip()
    page = _page(request)
    context = {
        "q": q,
        "division": division,
        "service_object": service_object,
        "page": page,
        "divisions": divisions_down_to(Level.COUNTY),
        "service_objects": SERVICE_OBJECTS,
        "results": None,
        "error": "",
        "results_start": (page - 1) * PER_PAGE + 1,
    }
    if q:
        try:
            found = selectors.search(
                q,
                division=division or None,
                service_object=service_object or None,
                limit=PER_PAGE,
                offset=(page - 1) * PER_PAGE,
            )
            context["results"] = found
            context["has_next"] = found.total > page * PER_PAGE
        except selectors.QueryError as exc:
            context["error"] = exc.message
    status = 400 if context["error"] else 200
    if request.htmx and request.htmx.target == "search-results":
        return render(request, "search/_results_htmx.html", context, status=status)
    return render(request, "search/results.html", context, status=status)


@require_GET
def suggest(request):
    q = request.GET.get("q", "")
    suggestions = selectors.suggest(q) if q.strip() else []
    return render(request, "search/_suggest.html", {"q": q.strip(), "suggestions": suggestions})
