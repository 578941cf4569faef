"""A clerk leaves the desk: after 30 minutes without a request the session ends, and after 8 hours
it ends however busy the clerk was. An applicant's session is not cut short this way."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from tongban.accounts.models import Role, StaffRole, User

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def clerk(city):
    user = User.objects.create(username="clerk01", display_name="王芳", is_staff=True)
    StaffRole.objects.create(user=user, role=Role.CLERK, division=city)
    return user


def test_thirty_idle_minutes_log_the_clerk_out_with_a_message(client, clerk):
    with freeze_time(START) as clock:
        client.force_login(clerk)
        assert client.get("/desk/").status_code == 200
        clock.tick(timedelta(minutes=29))
        assert client.get("/desk/").status_code == 200  # still there: every request restarts the 30 minutes
        clock.tick(timedelta(minutes=31))
        response = client.get("/desk/")
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=/desk/")
        assert "_auth_user_id" not in client.session
        login_page = client.get(response["Location"]).content.decode()
        assert "30分钟未操作" in login_page


def test_htmx_and_api_requests_are_told_rather_than_redirected(client, clerk):
    with freeze_time(START) as clock:
        client.force_login(clerk)
        client.get("/desk/")
        clock.tick(timedelta(minutes=45))
        response = client.get("/desk/", HTTP_HX_REQUEST="true")
        assert response.status_code == 204 and response["HX-Redirect"].startswith("/accounts/login/")
        client.force_login(clerk)
        client.get("/desk/")
        clock.tick(timedelta(minutes=45))
        api = client.get("/api/v1/cases")
        assert api.status_code == 401 and api.json()["code"] == "session_expired"


def test_eight_hours_after_the_password_the_session_ends_even_if_busy(client, clerk):
    with freeze_time(START) as clock:
        client.force_login(clerk)
        for _ in range(8 * 3):  # a request every 20 minutes all day
            assert client.get("/desk/").status_code == 200
            clock.tick(timedelta(minutes=20))
        clock.tick(timedelta(minutes=1))
        response = client.get("/desk/")
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_an_applicant_may_pause_longer(client):
    zhang = User.objects.create(username="zhangsan", display_name="张三")
    with freeze_time(START) as clock:
        client.force_login(zhang)
        assert client.get("/my/cases/").status_code == 200
        clock.tick(timedelta(hours=2))
        assert client.get("/my/cases/").status_code == 200
