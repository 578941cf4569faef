"""{% load money %} {{ order.amount_cents|yuan }} → ¥1,234.50; {{ cents|yuan_words }} → 壹仟贰佰叁拾肆元伍角整."""

from django import template

from tongban.payments.models import amount_in_words
from tongban.payments.models import yuan as _yuan

register = template.Library()


@register.filter
def yuan(cents):
    return _yuan(cents)


@register.filter
def yuan_words(cents):
    return amount_in_words(cents)
