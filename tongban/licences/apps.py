from django.apps import AppConfig


class LicencesConfig(AppConfig):
    name = "tongban.licences"
    verbose_name = "电子证照"

    def ready(self):
        from tongban.licences import receivers  # noqa: F401
