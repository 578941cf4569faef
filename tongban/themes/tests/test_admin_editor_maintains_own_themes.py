"""In the admin an editor sees the themes whose lead department is theirs, edits a draft, publishes it
(problems listed in Chinese) and cannot open another department's theme."""

import pytest

from tongban.accounts.models import Role
from tongban.cases.tests.builders import make_user
from tongban.themes.models import ThemeStatus
from tongban.themes.services import revise_theme
from tongban.themes.tests.support import make_theme_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_theme_world("restaurant", "newborn")


def test_editor_of_the_lead_department_only(client, w):
    market = w.themes["restaurant"].lead_department
    editor = make_user("market_editor", role=Role.EDITOR, division=market.division, department=market)
    client.force_login(editor)
    listing = client.get("/admin/themes/theme/")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "开办餐饮店一件事" in page and "新生儿出生一件事" not in page
    assert client.get(f"/admin/themes/theme/{w.themes['newborn'].pk}/change/").status_code in (302, 403)

    theme = w.themes["restaurant"]
    page = client.get(f"/admin/themes/theme/{theme.pk}/change/").content.decode()
    assert "逐项办理" in page and "一件事" in page  # the reduction report on the theme's page

    revise_theme(editor, theme)
    theme.refresh_from_db()
    assert theme.status == ThemeStatus.DRAFT
    response = client.post("/admin/themes/theme/", {"action": "publish_selected", "_selected_action": [theme.pk]},
                           follow=True)
    assert response.status_code == 200
    theme.refresh_from_db()
    assert theme.status == ThemeStatus.PUBLISHED and theme.version == 2
