from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tongban.core"
    verbose_name = "平台基础"
