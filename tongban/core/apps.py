from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tongban.core"
    verbose_name = "平台基础"

    def ready(self):
        from django.core.signals import got_request_exception

        from tongban.core.unavailable import note_database_outage

        # A request that failed because the database is down is answered 503 (DatabaseUnavailableMiddleware).
        got_request_exception.connect(note_database_outage, dispatch_uid="tongban.core.database_outage")
