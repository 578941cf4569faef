from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "tongban.cases"
    verbose_name = "办件"

    def ready(self):
        # Lower layers announce payments and deliveries with signals; the case listens.
        from tongban.cases import receivers  # noqa: F401
