"""{% registry_sources case %}: on a case page, what the base registries filled in and checked."""

from django import template

from tongban.registries.selectors import case_sources

register = template.Library()


@register.inclusion_tag("registries/_case_sources.html")
def registry_sources(case):
    if case is None or getattr(case, "pk", None) is None:
        return {"prefilled": [], "materials": []}
    return case_sources(case)
