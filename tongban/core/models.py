from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """Who did what, when, from where. Written by services for every write that matters."""

    created_at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_label = models.CharField("操作人（快照）", max_length=150, blank=True)
    action = models.CharField("操作", max_length=80, db_index=True)
    object_type = models.CharField("对象类型", max_length=80, blank=True)
    object_id = models.CharField("对象标识", max_length=80, blank=True, db_index=True)
    summary = models.CharField("摘要", max_length=500, blank=True)
    data = models.JSONField("详情", default=dict, blank=True)
    ip = models.GenericIPAddressField("来源IP", null=True, blank=True)
    user_agent = models.CharField("终端", max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "操作审计"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_type}:{self.object_id}"


class Serial(models.Model):
    """A running number: per scope (e.g. "case:<implementation id>", "ticket") and period (a day
    "2026-12-07" for numbers that restart daily, "" for one that never does). Bumped by one upsert
    (tongban.core.serials), the row lock held until the caller commits."""

    scope = models.CharField("计数对象", max_length=80)
    period = models.CharField("周期", max_length=10, blank=True)
    last = models.PositiveBigIntegerField("当前值", default=0)

    class Meta:
        verbose_name = verbose_name_plural = "流水号"
        constraints = [models.UniqueConstraint(fields=["scope", "period"], name="uniq_serial_scope_period")]

    def __str__(self):
        return f"{self.scope} {self.period} #{self.last}"


class WorkerHeartbeat(models.Model):
    """A background worker (`tongban run_worker`) saying it is alive, every quarter of its lease.

    A task left running by a worker whose heartbeat is older than that worker's lease (the process was
    killed, ran out of memory, or its machine was lost) goes back to the queue (tongban/core/worker.py).
    Times are the workers' clocks: keep the machines' clocks synchronised (NTP), as for the task rows.
    """

    worker_id = models.CharField("进程标识", max_length=64, primary_key=True)
    hostname = models.CharField("主机", max_length=255, blank=True)
    pid = models.PositiveIntegerField("进程号", default=0)
    queues = models.CharField("队列", max_length=200, blank=True)
    lease_seconds = models.PositiveIntegerField("租约（秒）", default=60)
    started_at = models.DateTimeField("启动时间")
    seen_at = models.DateTimeField("最近心跳")
    stopped_at = models.DateTimeField("停止时间", null=True, blank=True)
    task_id = models.CharField("正在执行的任务", max_length=64, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "后台任务进程"

    def __str__(self):
        return f"{self.worker_id}（{self.hostname} 进程 {self.pid}）"
