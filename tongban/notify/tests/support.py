"""Backends for tests (settings.NOTIFY_BACKENDS points at them): they record or fail, never send."""

from tongban.notify.backends import BaseBackend


class RecordingBackend(BaseBackend):
    sent: list = []

    def send(self, notification) -> None:
        RecordingBackend.sent.append((notification.pk, notification.channel, notification.subject))


class FailingBackend(BaseBackend):
    """A gateway that is down; its error message carries the number, as real gateways' do."""

    calls = 0

    def send(self, notification) -> None:
        FailingBackend.calls += 1
        raise ConnectionError(f"短信网关超时：{notification.phone}")
