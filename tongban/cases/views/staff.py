"""Shared pieces of the staff pages (综合窗口 /desk/, 办件箱 /inbox/, 督办 /supervise/).

Views stay thin: they read through the selectors, act through the services and turn the services'
errors into something a clerk can act on. Three kinds of error, three answers:
- ValidationError: the form is shown again with what was typed and the message next to the field;
- CaseConflict (someone else acted first): "已被他人处理" with a link to reload the case;
- PermissionDenied: the message, status 403. A case outside the user's scope is a 404, as if it
  did not exist, so nobody learns which numbers are taken.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from tongban.accounts.models import Role
from tongban.accounts.selectors import is_platform_admin, roles_of
from tongban.cases.models import Case
from tongban.cases.selectors import case_for_staff, is_staff_member
from tongban.cases.services.common import CaseConflict, lock
from tongban.forms.uploads import ACCEPT_ATTR

PAGE_SIZE = 50


# -- who may open which page -----------------------------------------------------------------

def has_role(user, role: str) -> bool:
    return is_platform_admin(user) or bool(roles_of(user, role))


def staff_nav(user, path: str = "") -> list[tuple[str, str, bool]]:
    """(url name, label, is the current section) of the staff pages this user may open."""
    items = []
    if has_role(user, Role.CLERK):
        items.append(("staff-desk", "综合窗口", "/desk/"))
    if is_staff_member(user):
        items.append(("staff-inbox", "办件箱", "/inbox/"))
    if has_role(user, Role.SUPERVISOR):
        items.append(("staff-supervise", "督办", "/supervise/"))
    return [(name, label, path.startswith(prefix)) for name, label, prefix in items]


def staff_page(*, role: str | None = None, any_of: tuple = ()):
    """Login required; then the role (or one of `any_of`; any staff role when neither), else a 403
    page in Chinese."""
    wanted = (role,) if role else tuple(any_of)

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if wanted:
                allowed = any(has_role(request.user, r) for r in wanted)
            else:
                allowed = is_staff_member(request.user)
            if not allowed:
                need = "或".join(dict(Role.choices).get(r, r) for r in wanted) if wanted else "工作人员"
                return render(request, "cases/staff/forbidden.html", {"need": need}, status=403)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def render_staff(request, template: str, context: dict, status: int = 200):
    context = {"staff_nav": staff_nav(request.user, request.path), "accept": ACCEPT_ATTR, **context}
    return render(request, template, context, status=status)


def staff_case_or_404(user, number: str) -> Case:
    case = case_for_staff(user, number)
    if case is None:
        raise Http404("办件不存在")  # "not in your scope" and "no such case" look the same
    return case


# -- errors and revisions ----------------------------------------------------------------------

def split_errors(exc: ValidationError) -> tuple[dict[str, str], list[str]]:
    """(errors per field name, errors for the whole form) from a service's ValidationError."""
    if hasattr(exc, "error_dict"):
        fields = {}
        general = []
        for key, messages in exc.message_dict.items():
            text = "；".join(messages)
            if key == "__all__":
                general.append(text)
            else:
                fields[key] = text
        return fields, general
    return {}, list(exc.messages)


def posted_revision(request) -> int:
    try:
        return int(request.POST.get("expected_revision", ""))
    except ValueError:
        return -1  # a form without the revision cannot prove it saw the current case


def with_revision(case: Case, expected_revision: int, operation):
    """For services that take no expected_revision (hand over, ship, urge…): hold the case's row
    lock, check the revision the page showed, then run `operation()` inside the same transaction,
    so "two clerks press the same button" ends in one action and one conflict message."""
    with transaction.atomic():
        lock(case, expected_revision)
        return operation()


def file_url(case: Case, file_id: int) -> str:
    """Link to a case file (the view belongs to the applicant pages: URL name "case-file")."""
    try:
        return reverse("case-file", args=[case.number, file_id])
    except NoReverseMatch:
        return f"/cases/{case.number}/files/{file_id}/"


__all__ = [
    "CaseConflict", "PAGE_SIZE", "PermissionDenied", "ValidationError", "file_url", "has_role", "posted_revision",
    "render_staff", "split_errors", "staff_case_or_404", "staff_nav", "staff_page", "with_revision",
]
