"""A platform admin (平台管理员, not a superuser) opens every admin list, change and add page."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tongban.catalog.tests.staff_builders import make_editor, make_platform_admin, make_site, small_catalogue
from tongban.core.services import audit
from tongban.org.models import Window

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(city):
    cat = small_catalogue(city)
    site = make_site(city)
    Window.objects.create(site=site, number="01", name="综合受理窗口")
    editor = make_editor(cat["county_market"], "county-editor")
    audit(editor, "catalog.implementation.update", cat["food_county"], "修改实施清单")
    return cat


def test_every_registered_model_lists_and_opens(client, world, city):
    user = make_platform_admin(city)
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    ours = [m for m in admin.site._registry if m._meta.app_label in ("core", "org", "accounts", "catalog")]
    assert len(ours) >= 12
    for model in ours:
        info = (model._meta.app_label, model._meta.model_name)
        changelist = client.get(reverse("admin:{}_{}_changelist".format(*info)))
        assert changelist.status_code == 200, info
        obj = model._default_manager.first()
        if obj is not None:
            assert client.get(reverse("admin:{}_{}_change".format(*info), args=[obj.pk])).status_code == 200, info
        add = client.get(reverse("admin:{}_{}_add".format(*info)))
        assert add.status_code in (200, 403), info


def test_the_audit_log_is_read_only_even_for_admins(client, world, city):
    from tongban.core.models import AuditEvent

    client.force_login(make_platform_admin(city))
    event = AuditEvent.objects.first()
    page = client.get(f"/admin/core/auditevent/{event.pk}/change/").content.decode()
    assert "修改实施清单" in page and 'name="_save"' not in page
    assert client.get("/admin/core/auditevent/add/").status_code == 403
    assert client.post(f"/admin/core/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_a_platform_admin_cannot_grant_superuser(client, world, city):
    from tongban.accounts.models import User

    client.force_login(make_platform_admin(city))
    editor = User.objects.get(username="county-editor")
    page = client.get(f"/admin/accounts/user/{editor.pk}/change/").content.decode()
    assert 'name="is_superuser"' not in page and 'name="is_staff"' in page
