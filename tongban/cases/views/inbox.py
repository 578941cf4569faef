"""审批办件箱 (/inbox/): the queues of selectors.QUEUES, each filtered to what the user may see.

The filter box posts; the answer is the list's address with the filter, without an ID or mobile number
in it (tongban/cases/views/search_address.py)."""

from django.http import HttpResponseRedirect
from django.views.decorators.http import require_http_methods

from tongban.cases import deadlines
from tongban.cases.selectors import QUEUES, filter_cases, queue, queue_counts
from tongban.cases.views.search_address import filter_address, filter_query, filter_text, is_personal
from tongban.cases.views.staff import PAGE_SIZE, render_staff, staff_page
from tongban.core.masking import mask_id_number
from tongban.core.paging import CappedPaginator, capped_label

# When no queue is chosen, open the first one with work in it, in the order work is done.
DEFAULT_ORDER = ["overdue", "decide", "review", "pending", "warning", "correction", "delivery", "done"]


def case_rows(cases, today=None) -> list[dict]:
    return [{"case": c, "clock": deadlines.clock(c, today), "id_masked": mask_id_number(c.applicant_id_number)}
            for c in cases]


@require_http_methods(["GET", "POST"])
@staff_page()
def inbox(request):
    counts = queue_counts(request.user)
    names = dict(QUEUES)
    data = request.POST if request.method == "POST" else request.GET
    current = data.get("queue", "")
    if current not in names:
        current = next((n for n in DEFAULT_ORDER if counts[n][0]), "pending")
    if request.method == "POST":
        text, lapsed = request.POST.get("q", ""), False
        if not request.htmx:  # the form without JavaScript: on to the list's address (post/redirect/get)
            return HttpResponseRedirect(filter_address(request, text, {"queue": current}), status=303)
    elif is_personal(request.GET.get("q", "")):  # an old bookmark or a typed address: out of the address bar
        return HttpResponseRedirect(filter_address(request, request.GET["q"], {"queue": current}), status=303)
    else:
        text, lapsed = filter_text(request)
    cases = filter_cases(queue(request.user, current), text)
    page = CappedPaginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "tabs": [(code, label, counts[code][0], capped_label(*counts[code])) for code, label in QUEUES],
        "current": current,
        "current_label": names[current],
        "q": text.strip(),
        "filter_query": filter_query(request, text, {"queue": current}),
        "lapsed": lapsed,
        "page": page,
        "rows": case_rows(page.object_list),
    }
    partial = bool(request.htmx) and not request.htmx.history_restore_request  # the filter box's live update
    template = "cases/staff/_inbox_results.html" if partial else "cases/staff/inbox.html"
    response = render_staff(request, template, context)
    if request.method == "POST":  # the live filter: the browser shows the list's address
        response["HX-Push-Url"] = filter_address(request, text, {"queue": current})
    return response
