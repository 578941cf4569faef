"""A person reads their in-site messages at /my/messages/: only their own, unread ones marked,
opening one marks it read and links to the case."""

import pytest
from django.urls import reverse

from tongban.accounts.models import User
from tongban.notify.services import notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    zhang = User.objects.create(username="zhang", display_name="张三")
    li = User.objects.create(username="li", display_name="李四")
    notify(user=zhang, subject="受理通知", body="您申请的“食品经营许可”已受理。", channels=("site",),
           reference="YC2025000001", link="/my/cases/YC2025000001/")
    notify(user=zhang, subject="补正通知", body="请补正营业执照复印件。", channels=("site",))
    notify(user=li, subject="李四的办结通知", body="已办结", channels=("site",))
    return zhang, li


def test_i_see_only_my_messages_and_how_many_are_unread(client, people):
    zhang, li = people
    client.force_login(zhang)
    page = client.get("/my/messages/").content.decode()
    assert "受理通知" in page and "补正通知" in page and "李四的办结通知" not in page
    assert "您有 <strong>2</strong> 条未读消息。" in page

    other = li.notifications.get()
    assert client.get(reverse("notify-message", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.read_at is None
    r = client.get("/api/v1/notifications")
    assert r.status_code == 200
    assert r.json()["unread"] == 2 and [m["subject"] for m in r.json()["items"]] == ["补正通知", "受理通知"]


def test_opening_a_message_marks_it_read_and_links_to_the_case(client, people):
    zhang, _ = people
    client.force_login(zhang)
    message = zhang.notifications.get(subject="受理通知")
    page = client.get(reverse("notify-message", args=[message.pk])).content.decode()
    assert "您申请的“食品经营许可”已受理。" in page
    assert '<a class="btn" href="/my/cases/YC2025000001/">查看 YC2025000001</a>' in page
    message.refresh_from_db()
    first_read = message.read_at
    assert first_read is not None
    client.get(reverse("notify-message", args=[message.pk]))
    message.refresh_from_db()
    assert message.read_at == first_read
    assert "您有 <strong>1</strong> 条未读消息。" in client.get("/my/messages/").content.decode()

    r = client.post(reverse("notify-read-all"), follow=True)
    assert "已将 1 条消息标为已读。" in r.content.decode() and "没有未读消息。" in r.content.decode()


def test_visitors_are_asked_to_log_in(client):
    r = client.get("/my/messages/")
    assert r.status_code == 302 and r["Location"].startswith("/accounts/login/")
    assert client.get("/api/v1/notifications").status_code == 401


def test_a_link_that_leaves_the_site_is_dropped():
    user = User.objects.create(username="zhao")
    [m] = notify(user=user, subject="钓鱼", body="点这里", channels=("site",), link="https://evil.example/")
    assert m.link == ""
