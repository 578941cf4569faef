"""A client asks a list for a page far past the end (page=10²²): a 422 naming 页码, not a server error
(the OFFSET would overflow PostgreSQL's bigint). Found by the OpenAPI property test."""

import pytest

from tongban.cases.tests.builders import make_user

pytestmark = pytest.mark.django_db

FAR = "5723343642454254419968"


def test_matters_cases_and_joint_cases_refuse_a_far_page(client):
    res = client.get("/api/v1/matters", {"page": FAR})
    assert res.status_code == 422 and res.json()["fields"] == {"page": ["页码取值过大（不大于100000）"]}
    client.force_login(make_user("zhangsan"))
    for url in ("/api/v1/cases", "/api/v1/joint-cases"):
        res = client.get(url, {"page": FAR})
        assert res.status_code == 422 and "页码" in res.json()["message"], url
    assert client.get("/api/v1/matters", {"page": 100_000}).json()["items"] == []
