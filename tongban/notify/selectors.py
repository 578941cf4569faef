"""Reads of a person's in-site messages (站内消息). Only ever the asking user's own."""

from django.http import Http404

from tongban.notify.models import Channel, Notification


def inbox(user):
    """The user's in-site messages, newest first (empty for anonymous visitors)."""
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    return Notification.objects.filter(recipient=user, channel=Channel.SITE).order_by("-created_at", "-id")


def unread(user):
    return inbox(user).filter(read_at__isnull=True)


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return unread(user).count()


def get_message(user, pk: int) -> Notification:
    """One of the user's own messages; anyone else's answers 404 (its existence is not revealed)."""
    message = inbox(user).filter(pk=pk).first()
    if message is None:
        raise Http404("消息不存在")
    return message
