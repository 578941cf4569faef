from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "tongban.notify"
    verbose_name = "消息通知"
