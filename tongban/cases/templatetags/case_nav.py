"""Header links for people who apply and for staff, by the roles they hold."""

from django import template
from django.urls import reverse

from tongban.accounts.models import Role

register = template.Library()

DESKS = [
    (Role.CLERK, "综合窗口", "staff-desk"),
    ((Role.CLERK, Role.APPROVER, Role.SUPERVISOR), "办件箱", "staff-inbox"),
    (Role.SUPERVISOR, "督办", "staff-supervise"),
    ((Role.APPROVER, Role.SUPERVISOR), "好差评", "ratings-bad-list"),  # tongban.ratings (above): by URL name
    (Role.HOTLINE, "回访", "ratings-visits"),
]


@register.simple_tag
def case_links(user) -> list[dict]:
    if not getattr(user, "is_authenticated", False):
        return []
    links = [{"label": "我的办件", "url": reverse("applicant-cases"), "prefix": "/my/cases/"},
             {"label": "我的证照", "url": "/my/licences/", "prefix": "/my/licences/"},  # tongban.licences (above)
             # 实名认证, 经办人授权, 谁用了我的数据, 登录安全 (tongban.portal, above)
             {"label": "我的账户", "url": "/my/account/", "prefix": "/my/account/"}]
    held = {r.role for r in user.staff_roles.all()} if not user.is_superuser else {r for r, _ in Role.choices}
    for roles, label, name in DESKS:
        roles = roles if isinstance(roles, tuple) else (roles,)
        if held & set(roles):
            url = reverse(name)
            links.append({"label": label, "url": url, "prefix": url, "staff": True})
    return links



