"""{% load masking %}: {{ number|mask_id }}, {{ phone|mask_phone }}, {{ name|mask_name }}."""

from django import template

from tongban.core import masking

register = template.Library()


@register.filter
def mask_id(value) -> str:
    return masking.mask_id_number(str(value or ""))


@register.filter(name="mask_phone")
def mask_phone_filter(value) -> str:
    return masking.mask_phone(str(value or ""))


@register.filter(name="mask_name")
def mask_name_filter(value) -> str:
    return masking.mask_name(str(value or ""))
