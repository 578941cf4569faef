from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tongban.accounts"
    verbose_name = "账户与角色"

    def ready(self):
        from tongban.accounts import receivers  # noqa: F401  (connects the login and lockout receivers)
