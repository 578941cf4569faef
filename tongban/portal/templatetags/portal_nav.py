"""Template helpers for the site layout (base.html): which staff links a user sees."""

from django import template

from tongban.catalog.excel_jobs import can_manage_catalog

register = template.Library()


@register.simple_tag
def manages_catalogue(user) -> bool:
    """The nav shows 事项导入导出 to whoever the import page itself lets in (editors and admins)."""
    return can_manage_catalog(user)
