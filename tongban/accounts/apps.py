from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tongban.accounts"
    verbose_name = "账户与角色"
