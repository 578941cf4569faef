from django import template

register = template.Library()


@register.filter
def get(mapping, key):
    """{{ dict|get:key }} for a key held in a variable."""
    try:
        return mapping.get(key, "")
    except AttributeError:
        return ""


@register.filter
def percent(value):
    """0.9985 → "99.85%"; None (nothing to count) → "—"."""
    if value is None:
        return "—"
    return f"{value * 100:.2f}%"
