"""“办不成事”反映: the public form (no login needed), its status page through a signed link, and the
staff's ticket list and ticket page (assign, answer, close or send back)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tongban.accounts.models import Role
from tongban.accounts.selectors import departments_in_scope
from tongban.accounts.user_selectors import user_by_id
from tongban.catalog.selectors import matter_named
from tongban.org.selectors import site_by_id, sites_in_order
from tongban.ratings import selectors
from tongban.ratings.services import tickets
from tongban.ratings.views_common import errors_of, render_staff, staff_only

TICKET_ROLES = (Role.APPROVER, Role.SUPERVISOR)
FIELDS = ("matter_text", "site", "place_text", "description", "contact_name", "contact_phone")


def cannot_do(request):
    sites = sites_in_order()
    user = request.user if request.user.is_authenticated else None
    typed = {"contact_name": getattr(user, "display_name", "") if user else "",
             "contact_phone": getattr(user, "phone", "") if user else "",
             "matter_text": request.GET.get("matter", "")}
    errors = {}
    if request.method == "POST":
        typed = {k: request.POST.get(k, "").strip() for k in FIELDS}
        site = site_by_id(typed["site"]) if typed["site"].isdigit() else None
        matter = matter_named(typed["matter_text"])
        try:
            ticket = tickets.report(request.user, matter_text=typed["matter_text"], matter=matter, site=site,
                                    place_text=typed["place_text"], description=typed["description"],
                                    contact_name=typed["contact_name"], contact_phone=typed["contact_phone"])
        except ValidationError as exc:
            errors = errors_of(exc)
        else:
            messages.success(request, _("已收到您的反映，编号 %(number)s。我们将在 %(due)s 前答复您。") % {
                "number": ticket.number, "due": f"{ticket.due_on:%Y年%m月%d日}"})
            return redirect(tickets.status_path(ticket))
    return render(request, "ratings/cannot_do.html", {"sites": sites, "typed": typed, "errors": errors},
                  status=422 if errors else 200)


@require_GET
def cannot_do_status(request, number, token):
    ticket = selectors.ticket_by_number(number)
    if ticket is None or not tickets.check_token(number, token):
        raise Http404(_("反映不存在，请使用短信或提交后页面中的链接查看"))
    return render(request, "ratings/cannot_do_status.html", {
        "ticket": ticket, "history": selectors.ticket_history(ticket, public_only=True)})


@require_GET
@staff_only(*TICKET_ROLES)
def ticket_list(request):
    names = dict(selectors.TICKET_QUEUES)
    counts = selectors.ticket_counts(request.user)
    current = request.GET.get("queue", "")
    if current not in names:
        current = next((c for c in ("overdue", "new", "assigned", "answered") if counts[c]), "new")
    page = Paginator(selectors.ticket_queue(request.user, current), 50).get_page(request.GET.get("page"))
    return render_staff(request, "ratings/tickets.html", {
        "tabs": [(c, label, counts[c]) for c, label in selectors.TICKET_QUEUES], "current": current,
        "current_label": names[current], "page": page})


def _detail(request, ticket, *, errors=None, typed=None, form="", status=200):
    user = request.user
    return render_staff(request, "ratings/ticket.html", {
        "ticket": ticket, "history": selectors.ticket_history(ticket),
        "is_supervisor": selectors.supervises_ticket(user, ticket),
        "can_answer": selectors.may_answer_ticket(user, ticket),
        "departments": departments_in_scope(user, Role.SUPERVISOR),
        "errors": errors or {}, "typed": typed or {}, "form": form}, status=status)


@staff_only(*TICKET_ROLES)
def ticket_detail(request, number):
    ticket = selectors.ticket_for_staff(request.user, number)
    if ticket is None:
        raise Http404("反映不存在")
    if request.method != "POST":
        return _detail(request, ticket)
    p, op = request.POST, request.POST.get("op", "")
    try:
        if op == "assign":
            department = selectors.supervised_department(request.user, p.get("department") or 0)
            assignee = user_by_id(p.get("assignee") or 0)  # tickets.assign checks they may take it
            ticket = tickets.assign(request.user, ticket, department=department, assignee=assignee,
                                    comment=p.get("comment", ""))
            done = f"已分派至{ticket.department.name}"
        elif op == "answer":
            ticket = tickets.answer(request.user, ticket, text=p.get("answer", ""))
            done = "已答复，反映人将收到短信"
        elif op in ("close", "send_back"):
            ticket = tickets.close(request.user, ticket, accept=op == "close", comment=p.get("comment", ""))
            done = "已办结" if op == "close" else "已退回部门重办"
        else:
            raise Http404("没有这个操作")
    except ValidationError as exc:
        return _detail(request, ticket, errors=errors_of(exc), typed=p, form=op, status=422)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        return _detail(request, ticket, status=403)
    messages.success(request, f"{ticket.number}：{done}。")
    return redirect("ratings-ticket", number=ticket.number)
