"""Writes of the portal's own data (the home page's 热门事项), each audited."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from tongban.accounts.selectors import is_platform_admin
from tongban.core.services import audit
from tongban.portal.models import FeaturedMatter


def can_edit_home_page(user) -> bool:
    """The home page speaks for the whole platform: platform administrators only."""
    if not getattr(user, "is_authenticated", False):
        return False
    return is_platform_admin(user)


def _check(actor) -> None:
    # None is the system (migrations, the demo loader); people must be platform administrators.
    if actor is not None and not can_edit_home_page(actor):
        raise PermissionDenied("只有平台管理员可以维护首页热门事项")


@transaction.atomic
def save_featured(actor, featured: FeaturedMatter | None = None, *, name: str, order: int = 0,
                  enabled: bool = True, note: str = "") -> FeaturedMatter:
    _check(actor)
    creating = featured is None or featured.pk is None
    featured = featured or FeaturedMatter()
    featured.name, featured.order, featured.enabled, featured.note = name, order, enabled, note
    featured.full_clean()
    featured.save()
    audit(actor, "portal.featured.create" if creating else "portal.featured.update", featured,
          f"{'新增' if creating else '修改'}首页热门事项 {featured.name}",
          {"name": featured.name, "order": featured.order, "enabled": featured.enabled})
    return featured


@transaction.atomic
def delete_featured(actor, featured: FeaturedMatter) -> None:
    _check(actor)
    audit(actor, "portal.featured.delete", featured, f"删除首页热门事项 {featured.name}",
          {"name": featured.name})
    featured.delete()
