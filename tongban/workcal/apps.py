from django.apps import AppConfig


class WorkcalConfig(AppConfig):
    name = "tongban.workcal"
    verbose_name = "工作日历"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save

        from tongban.workcal.models import CalendarDay, CalendarYear
        from tongban.workcal.selectors import calendar_changed

        # Deadlines are computed from a per-process cache of the calendar; any edit drops it.
        for model in (CalendarDay, CalendarYear):
            post_save.connect(calendar_changed, sender=model, dispatch_uid=f"workcal-save-{model.__name__}")
            post_delete.connect(calendar_changed, sender=model, dispatch_uid=f"workcal-delete-{model.__name__}")
        # A flush (tests, `tongban demo`) empties the tables without per-row signals.
        post_migrate.connect(calendar_changed, dispatch_uid="workcal-flush")
