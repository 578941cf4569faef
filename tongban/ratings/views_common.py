"""Shared pieces of the ratings pages: who may open which staff page, the staff bar, form errors."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import render

from tongban.accounts.models import Role
from tongban.cases.views.staff import staff_nav
from tongban.ratings.models import Level
from tongban.ratings.selectors import has_any_role

# (url name, label, roles, path prefix) of the ratings staff pages.
RATINGS_NAV = [
    ("ratings-bad-list", "差评整改", (Role.APPROVER, Role.SUPERVISOR), "/ratings/bad/"),
    ("ratings-visits", "回访", (Role.HOTLINE, Role.SUPERVISOR), "/ratings/visits/"),
    ("ratings-tickets", "办不成事", (Role.APPROVER, Role.SUPERVISOR), "/ratings/tickets/"),
    ("ratings-kiosk", "窗口评价", (Role.CLERK,), "/ratings/kiosk/"),
    ("ratings-phone", "电话评价", (Role.CLERK, Role.HOTLINE, Role.SUPERVISOR), "/ratings/phone/"),
]
ROLE_NAMES = dict(Role.choices)
# Stars beside the words (never instead of them): familiar from shopping apps, and in every font.
FACES = {5: "★★★★★", 4: "★★★★☆", 3: "★★★☆☆", 2: "★★☆☆☆", 1: "★☆☆☆☆"}


def level_choices() -> list[tuple[int, str, str]]:
    return [(value, label, FACES[value]) for value, label in Level.choices]


def ratings_nav(user, path: str) -> list[tuple[str, str, bool]]:
    items = [(name, label, path.startswith(prefix)) for name, label, roles, prefix in RATINGS_NAV
             if has_any_role(user, roles)]
    return staff_nav(user, path) + items


def staff_only(*roles):
    """Login required, then one of `roles`; otherwise the staff pages' 403 page in Chinese."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_any_role(request.user, roles):
                need = "、".join(ROLE_NAMES[r] for r in roles)
                return render(request, "cases/staff/forbidden.html", {"need": need}, status=403)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def render_staff(request, template: str, context: dict, status: int = 200):
    return render(request, template, {"staff_nav": ratings_nav(request.user, request.path), **context},
                  status=status)


def errors_of(exc: ValidationError) -> dict[str, str]:
    """{field: message} for the form; errors for the whole form under "__all__"."""
    if hasattr(exc, "error_dict"):
        return {key: "；".join(messages) for key, messages in exc.message_dict.items()}
    return {"__all__": "；".join(exc.messages)}


def scores_from(post) -> dict:
    return {key.removeprefix("score-"): value for key, value in post.items() if key.startswith("score-") and value}
