"""Staff edit the synonym table here; every change goes through services (audited) and applies to
the next search. "重建索引" rebuilds every registered document kind from its source."""

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError

from tongban.search import services
from tongban.search.models import SearchDocument, Synonym


@admin.action(description="重建索引", permissions=["change"])
def rebuild_index(modeladmin, request, queryset):
    try:
        counts = services.rebuild_index(request.user)
    except ValidationError as exc:
        modeladmin.message_user(request, "；".join(exc.messages), messages.ERROR)
        return
    summary = "，".join(f"{k}：{n} 条" for k, n in counts.items()) or "没有可重建的文档类型"
    modeladmin.message_user(request, f"搜索索引已重建（{summary}）", messages.SUCCESS)


class RebuildWithoutSelectionMixin:
    """Rebuilding concerns the whole index, so the action runs without ticking rows."""

    def changelist_view(self, request, extra_context=None):
        if (
            request.method == "POST"
            and request.POST.get("action") == "rebuild_index"
            and not request.POST.getlist(ACTION_CHECKBOX_NAME)
        ):
            post = request.POST.copy()
            # Django only runs an action when a row is ticked; select_across makes it act on all.
            post["select_across"] = "1"
            post.setlist(ACTION_CHECKBOX_NAME, ["0"])
            request.POST = post
        return super().changelist_view(request, extra_context)


@admin.register(Synonym)
class SynonymAdmin(RebuildWithoutSelectionMixin, admin.ModelAdmin):
    list_display = ("term", "expansions", "enabled", "note", "updated_at")
    list_filter = ("enabled",)
    search_fields = ("term", "expansions", "note")
    fields = ("term", "expansions", "enabled", "note")
    actions = [rebuild_index]

    def save_model(self, request, obj, form, change):
        services.save_synonym(
            request.user, obj, term=obj.term, expansions=obj.expansions, enabled=obj.enabled, note=obj.note
        )

    def delete_model(self, request, obj):
        services.delete_synonym(request.user, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            services.delete_synonym(request.user, obj)


@admin.register(SearchDocument)
class SearchDocumentAdmin(RebuildWithoutSelectionMixin, admin.ModelAdmin):
    """Read-only: documents are derived from their sources."""

    list_display = ("title", "kind", "key", "department", "weight", "updated_at")
    list_filter = ("kind",)
    search_fields = ("title", "key", "code")
    readonly_fields = [f.name for f in SearchDocument._meta.fields]
    actions = [rebuild_index]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # Viewing is allowed; "change" here only gates the rebuild action.
        return super().has_change_permission(request, obj) if obj is None else False
