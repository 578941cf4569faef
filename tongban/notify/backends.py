"""Delivery backends, one per channel, chosen by settings.NOTIFY_BACKENDS.

A backend's send(notification) returns when the message is handed over and raises otherwise:
PermanentFailure when retrying cannot help (a malformed number), any other exception for a
failure worth retrying (gateway down, timeout). A real SMS gateway adapter implements the same.
"""

import logging
import re
import sys

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string

from tongban.core.links import absolute_url
from tongban.core.masking import mask_phone
from tongban.core.validators import is_valid_mobile

log = logging.getLogger("tongban.notify")

_MOBILE_IN_TEXT = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def mask_phones_in(text: str) -> str:
    """Mask every mobile number in free text (error messages, log lines): 138****1234."""
    return _MOBILE_IN_TEXT.sub(lambda m: mask_phone(m.group(0)), text or "")


class PermanentFailure(Exception):
    """Sending this message can never succeed (bad address): give up without retrying."""


class BaseBackend:
    def send(self, notification) -> None:
        raise NotImplementedError


def sms_text(notification) -> str:
    """One line: 【平台名】标题：内容 (SMS gateways need the signature in brackets)."""
    text = f"【{settings.TONGBAN['PLATFORM_NAME']}】{notification.subject}：{notification.body}"
    return " ".join(text.split())


class ConsoleBackend(BaseBackend):
    """Simulated SMS gateway (demo, development): writes the message as one line to stdout."""

    def send(self, notification) -> None:
        if not is_valid_mobile(notification.phone):
            raise PermanentFailure("手机号格式不正确")
        line = f"[短信] {mask_phone(notification.phone)} {sms_text(notification)}"
        print(line, file=sys.stdout, flush=True)
        log.info("%s", line)


class DjangoMailBackend(BaseBackend):
    """Mail through Django's EMAIL_BACKEND (console in development, SMTP in production)."""

    def send(self, notification) -> None:
        if not notification.email:
            raise PermanentFailure("缺少电子邮箱")
        body = notification.body
        if notification.link:
            body += f"\n\n查看详情：{absolute_url(notification.link)}"
        body += f"\n\n—— {settings.TONGBAN['PLATFORM_NAME']}（本邮件由系统发送，请勿直接回复）"
        send_mail(notification.subject, body, None, [notification.email], fail_silently=False)


class SiteBackend(BaseBackend):
    """In-site messages: the row itself is the message, shown in the recipient's inbox."""

    def send(self, notification) -> None:
        if notification.recipient_id is None:
            raise PermanentFailure("站内消息缺少接收人")


_instances: dict[str, BaseBackend] = {}


def get_backend(channel: str) -> BaseBackend:
    path = settings.NOTIFY_BACKENDS[channel]
    backend = _instances.get(path)
    if backend is None:
        backend = _instances[path] = import_string(path)()
    return backend
