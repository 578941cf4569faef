"""{% load notify_tags %}{% unread_messages user as n %} — for a badge next to 我的消息."""

from django import template

from tongban.notify.selectors import unread_count

register = template.Library()


@register.simple_tag
def unread_messages(user) -> int:
    return unread_count(user)
