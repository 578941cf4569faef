"""Public pages. Thin: reads come from the catalog, org and portal selectors."""

import os
from urllib.parse import quote

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from tongban.catalog import selectors as catalog
from tongban.catalog.models import Category
from tongban.catalog.selectors import get_public_implementation, guide_data, other_implementations
from tongban.core import qr
from tongban.org import selectors as org
from tongban.org.models import Level
from tongban.portal import pdf
from tongban.portal import selectors as portal
from tongban.portal.exports import published_list_xlsx
from tongban.portal.guide_rows import basic_rows

PAGE_SIZE = 20


def _page(request, qs, size=PAGE_SIZE):
    return Paginator(qs, size).get_page(request.GET.get("page"))


def home(request):
    return render(request, "portal/home.html", {
        "person": portal.categories_with_counts(Category.Audience.PERSON),
        "organisation": portal.categories_with_counts(Category.Audience.ORGANISATION),
        "departments": portal.top_departments(),
        "popular": portal.popular_matters(),
    })


# A matter carried out by every town or village has thousands of siblings; the guide lists the
# first ones and links to the full list.
SIBLINGS_SHOWN = 30


def guide(request, code):
    impl = get_public_implementation(code)
    data = guide_data(impl)
    url = portal.guide_url(code)
    siblings = portal.ordered(other_implementations(impl))
    return render(request, "portal/guide.html", {
        "impl": impl,
        "guide": data,
        "basic_rows": basic_rows(data),
        "siblings": siblings[:SIBLINGS_SHOWN],
        "sibling_count": siblings.count(),
        "guide_url": url,
        "qr_svg": qr.svg(url, title=f"扫码打开《{data['name']}》办事指南"),
    })


def _attachment(filename: str, ascii_fallback: str) -> str:
    # RFC 6266: an ASCII filename for old clients plus filename* (RFC 5987) with the Chinese name.
    return f"attachment; filename=\"{ascii_fallback}\"; filename*=UTF-8''{quote(filename)}"


def guide_pdf(request, code):
    impl = get_public_implementation(code)
    data = guide_data(impl)
    body = pdf.render_guide(data, platform_name=settings.TONGBAN["PLATFORM_NAME"],
                            siblings=list(portal.ordered(other_implementations(impl))[:SIBLINGS_SHOWN]))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = _attachment(f"办事指南-{data['name']}.pdf", f"guide-{code}.pdf")
    return response


MATERIAL_FILES = {"blank-form": "blank_form", "sample": "sample"}


def material_file(request, code, material_id, kind):
    """Blank forms and samples of published versions are public; MEDIA_ROOT itself is not served."""
    field = MATERIAL_FILES.get(kind)
    if field is None:
        raise Http404
    impl = get_public_implementation(code)
    material = catalog.published_material(impl, material_id)
    if material is None:
        raise Http404("材料不存在")
    stored = getattr(material, field)
    if not stored:
        raise Http404("该材料没有此文件")
    try:
        handle = stored.open("rb")
    except FileNotFoundError as exc:
        raise Http404("文件不存在") from exc
    label = "空白表格" if field == "blank_form" else "示例样表"
    ext = os.path.splitext(stored.name)[1].lower()
    response = FileResponse(handle, as_attachment=True)
    response["Content-Disposition"] = _attachment(f"{material.name}-{label}{ext}",
                                                  f"material-{material.pk}-{kind}{ext}")
    return response


def _audience_page(request, audience, template):
    return render(request, template, {
        "groups": portal.categories_with_counts(audience),
        "object": "1" if audience == Category.Audience.PERSON else portal.ORGANISATION,
        "audience": audience,
    })


def personal(request):
    return _audience_page(request, Category.Audience.PERSON, "portal/personal.html")


def organisation(request):
    return _audience_page(request, Category.Audience.ORGANISATION, "portal/organisation.html")


def departments(request):
    return render(request, "portal/departments.html", {"groups": portal.divisions_with_departments()})


def department(request, pk):
    dept = org.department_by_id(pk)
    if dept is None:
        raise Http404("部门不存在")
    filters = portal.BrowseFilters(department=dept.pk)
    return render(request, "portal/department.html", {
        "department": dept, "page_obj": _page(request, portal.browse(filters)),
    })


def browse(request):
    filters = portal.BrowseFilters.from_query(request.GET)
    page_obj = _page(request, portal.browse(filters))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filters": filters, "page_obj": page_obj, "query": query.urlencode(),
               "category": catalog.category_by_code(filters.category)}
    if request.htmx and request.htmx.target == "browse-results":
        return render(request, "portal/_browse_results.html", context)
    return render(request, "portal/browse.html", {**context, **portal.browse_options()})


def published_list(request, kind):
    if kind not in portal.LISTS:
        raise Http404
    division = (request.GET.get("division") or "").strip()[:12]
    qs = portal.published_list(kind, division)
    spec = portal.LISTS[kind]
    return render(request, "portal/list.html", {
        "kind": kind, "title": spec["title"], "division": division,
        "divisions": org.divisions_down_to(Level.COUNTY),
        "page_obj": _page(request, qs, 50),
        "query": f"division={quote(division)}" if division else "",
    })


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def published_list_download(request, kind):
    if kind not in portal.LISTS:
        raise Http404
    division = (request.GET.get("division") or "").strip()[:12]
    spec = portal.LISTS[kind]
    body = published_list_xlsx(spec["title"], portal.published_list(kind, division))
    response = HttpResponse(body, content_type=XLSX)
    suffix = f"-{division}" if division else ""
    response["Content-Disposition"] = _attachment(f"{spec['title']}{suffix}.xlsx", f"{kind}{suffix}.xlsx")
    return response


LARGE_TEXT_MAX_AGE = 365 * 24 * 3600


@require_POST
def toggle_large_text(request):
    """Works without JavaScript: a form posts here and returns to the page it came from."""
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    if request.COOKIES.get("large_text") == "1":
        response.delete_cookie("large_text", samesite="Lax")
    else:
        response.set_cookie("large_text", "1", max_age=LARGE_TEXT_MAX_AGE, samesite="Lax")
    return response
