"""What every catalogue admin shares: role-based permissions and service errors shown as messages.

Editors get their rights from StaffRole rows (tongban.catalog.staff_selectors), not from Django's
per-model permission rows, so a demo editor with is_staff and an editor role works as is.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect

from tongban.catalog.staff_selectors import is_catalogue_staff


def error_messages(exc: ValidationError) -> list[str]:
    return list(dict.fromkeys(exc.messages)) or ["操作未完成"]


def report_service_error(request, exc: Exception) -> None:
    """Show what a service refused, in its own Chinese words."""
    if isinstance(exc, ValidationError):
        for message in error_messages(exc):
            messages.error(request, message)
    elif isinstance(exc, PermissionDenied):
        messages.error(request, str(exc) or "您无权执行该操作")
    else:
        raise exc


class CatalogueStaffAdmin(admin.ModelAdmin):
    """Visible to catalogue editors and platform admins; objects are checked one by one.

    The change page looks objects up without the list's scope so that a page outside the scope
    answers 403 (forbidden) instead of pretending the object does not exist.
    """

    def has_module_permission(self, request):
        return is_catalogue_staff(request.user)

    def may_view(self, request, obj) -> bool:
        raise NotImplementedError

    def has_view_permission(self, request, obj=None):
        return is_catalogue_staff(request.user) and (obj is None or self.may_view(request, obj))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as exc:  # a rule only the service knows; the transaction was rolled back
            report_service_error(request, exc)
            return HttpResponseRedirect(request.get_full_path())

    def get_object(self, request, object_id, from_field=None):
        field = self.model._meta.pk if from_field is None else self.model._meta.get_field(from_field)
        try:
            return self.model._default_manager.get(**{field.name: field.to_python(object_id)})
        except (self.model.DoesNotExist, ValidationError, ValueError):
            return None


class ReadOnlyInline:
    """An inline that lists related rows for reading only."""

    extra = 0
    can_delete = False

    def has_view_permission(self, request, obj=None):
        return is_catalogue_staff(request.user)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
