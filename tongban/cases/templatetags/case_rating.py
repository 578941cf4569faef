"""{{ case.number|rating_path }}: the 好差评 link of a case on the applicant's page (see rating_links.py)."""

from django import template

from tongban.cases.rating_links import rating_path as _rating_path

register = template.Library()


@register.filter
def rating_path(number: str) -> str:
    return _rating_path(number) if number else ""
