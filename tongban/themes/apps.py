from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "tongban.themes"
    verbose_name = "一件事一次办"
