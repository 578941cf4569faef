"""审批办件箱 (/inbox/): the queues of selectors.QUEUES, each filtered to what the user may see."""

from django.views.decorators.http import require_GET

from tongban.cases import deadlines
from tongban.cases.selectors import QUEUES, filter_cases, queue, queue_counts
from tongban.cases.views.staff import PAGE_SIZE, render_staff, staff_page
from tongban.core.masking import mask_id_number
from tongban.core.paging import CappedPaginator, capped_label

# When no queue is chosen, open the first one with work in it, in the order work is done.
DEFAULT_ORDER = ["overdue", "decide", "review", "pending", "warning", "correction", "delivery", "done"]


def case_rows(cases, today=None) -> list[dict]:
    return [{"case": c, "clock": deadlines.clock(c, today), "id_masked": mask_id_number(c.applicant_id_number)}
            for c in cases]


@require_GET
@staff_page()
def inbox(request):
    counts = queue_counts(request.user)
    names = dict(QUEUES)
    current = request.GET.get("queue", "")
    if current not in names:
        current = next((n for n in DEFAULT_ORDER if counts[n][0]), "pending")
    text = request.GET.get("q", "")
    cases = filter_cases(queue(request.user, current), text)
    page = CappedPaginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "tabs": [(code, label, counts[code][0], capped_label(*counts[code])) for code, label in QUEUES],
        "current": current,
        "current_label": names[current],
        "q": text.strip(),
        "page": page,
        "rows": case_rows(page.object_list),
    }
    partial = bool(request.htmx) and not request.htmx.history_restore_request  # the filter box's live update
    template = "cases/staff/_inbox_results.html" if partial else "cases/staff/inbox.html"
    return render_staff(request, template, context)
