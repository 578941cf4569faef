"""The notification outbox (消息通知): one row per message and channel, sent by the worker.

Writing a row is part of the caller's transaction, so a message goes out only if what it tells
about was really saved; sending happens after commit, with retries (tongban.notify.delivery).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Channel(models.TextChoices):
    SMS = "sms", "短信"
    MAIL = "mail", "电子邮件"
    SITE = "site", "站内消息"


class Status(models.TextChoices):
    PENDING = "pending", "待发送"
    SENT = "sent", "已发送"
    FAILED = "failed", "发送失败，等待重试"
    DEAD = "dead", "发送失败，已放弃"


class Notification(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="接收人", null=True, blank=True,
                                  on_delete=models.CASCADE, related_name="notifications")
    phone = models.CharField("手机号", max_length=20, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    channel = models.CharField("渠道", max_length=10, choices=Channel.choices)
    subject = models.CharField("标题", max_length=200)
    body = models.TextField("内容")
    reference = models.CharField("业务编号", max_length=64, blank=True, db_index=True,
                                 help_text="如办件编号")
    link = models.CharField("链接", max_length=300, blank=True, help_text="站内路径，如 /my/cases/…/")
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField("发送次数", default=0)
    next_attempt_at = models.DateTimeField("下次发送时间", default=timezone.now)
    last_error = models.CharField("最近一次错误", max_length=500, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)
    read_at = models.DateTimeField("阅读时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "消息通知"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="notify_due_idx"),
            models.Index(fields=["recipient", "channel", "read_at"], name="notify_inbox_idx"),
        ]

    def __str__(self):
        return f"[{self.get_channel_display()}] {self.subject}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
