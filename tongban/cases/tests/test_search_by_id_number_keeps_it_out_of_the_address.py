"""Staff search the 办件箱 and the 督办 board by an applicant's ID number: the list is filtered, but the
number never appears in an address (so not in access logs, history or Referer). A search by name or
case number stays in the address, so such a page can still be bookmarked."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from freezegun import freeze_time

# The API's schemas are built when the URLs are first imported: before freezegun's FakeDate stands in for
# datetime.date (pydantic has no schema for it), whichever test of a run comes first.
import tongban.urls  # noqa: F401
from tongban.cases.models import Case
from tongban.cases.tests.builders import make_world
from tongban.cases.tests.staff_support import TODAY, accepted_case, at
from tongban.core.tests.browser import log_in

pytestmark = pytest.mark.django_db


def _query(url: str) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


@freeze_time(TODAY)
def test_inbox_search_by_id_number(client):
    w = make_world()
    case = accepted_case(w)
    number = w.applicant.id_number
    client.force_login(w.approver)

    r = client.post("/inbox/", {"queue": "review", "q": number})
    assert r.status_code == 303 and number not in r.url and number[-6:] not in r.url
    assert set(_query(r.url)) == {"queue", "s"} and _query(r.url)["queue"] == "review"
    page = client.get(r.url).content.decode()
    assert case.number in page and f'value="{number}"' in page  # the box still shows what was typed

    # The live filter (HTMX) gets the results block, and the address the browser shows is the same.
    r2 = client.post("/inbox/", {"queue": "review", "q": number}, HTTP_HX_REQUEST="true")
    assert r2.content.decode().lstrip().startswith('<div id="queue-results">') and case.number in r2.content.decode()
    assert r2["HX-Push-Url"] == r.url

    # By name: bookmarkable as before.
    r3 = client.post("/inbox/", {"queue": "review", "q": "张三"})
    assert _query(r3.url) == {"queue": "review", "q": "张三"}
    assert case.number in client.get(r3.url).content.decode()

    # An old bookmark (or a typed address) with the number: straight on to an address without it.
    old = client.get("/inbox/", {"queue": "review", "q": number})
    assert old.status_code == 303 and old.url == r.url

    # A mobile number written with spaces is kept out too; nobody's case matches it.
    r4 = client.post("/inbox/", {"queue": "review", "q": "139 1234 5678"})
    assert "5678" not in r4.url and "s" in _query(r4.url)

    # The key means nothing in another session, and lapses an hour after its last use in this one (the
    # approver stays active on other pages meanwhile: staff sessions end after 30 idle minutes).
    stranger = Client()
    stranger.force_login(w.approver2)
    assert "筛选条件已过期" in stranger.get(r.url).content.decode()
    for minutes in (25, 50):
        with freeze_time(TODAY + timedelta(minutes=minutes)):
            assert client.get("/inbox/").status_code == 200
    with freeze_time(TODAY + timedelta(minutes=61)):
        later = client.get(r.url).content.decode()
    assert "筛选条件已过期" in later and f'value="{number}"' not in later


@freeze_time(TODAY)
def test_supervise_search_by_id_number(client):
    w = make_world()
    late = accepted_case(w, at=at(2026, 11, 2))  # overdue
    client.force_login(w.supervisor)

    r = client.post("/supervise/", {"q": w.applicant.id_number, "department": str(w.market.pk)})
    assert r.status_code == 303 and w.applicant.id_number not in r.url
    assert set(_query(r.url)) == {"department", "s"}
    assert late.number in client.get(r.url).content.decode()

    r = client.post("/supervise/", {"q": w.other_applicant.id_number})
    assert late.number not in client.get(r.url).content.decode().split('id="overdue"')[1].split("</section>")[0]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_live_filter_in_a_browser(page, live_server):
    w = make_world()
    case, other = accepted_case(w), accepted_case(w)
    Case.objects.filter(pk=other.pk).update(applicant_id_number=w.other_applicant.id_number)
    number = w.applicant.id_number
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    log_in(page, live_server, w.approver)
    page.goto("/inbox/?queue=review")
    page.get_by_label("筛选“审查中”").fill(number)  # typed: the list narrows as the approver types
    page.wait_for_url("**/inbox/?queue=review&s=*")
    assert page.get_by_role("row").filter(has_text=case.number).is_visible()
    assert page.get_by_role("status").filter(has_text="共 1 件").is_visible()
    assert page.get_by_role("row").filter(has_text=other.number).count() == 0
    assert not any(number in url for url in asked) and number not in page.url
    page.reload()  # the address shows the same list again
    assert page.get_by_label("筛选“审查中”").input_value() == number
