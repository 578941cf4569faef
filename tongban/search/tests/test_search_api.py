def test_api_search_returns_the_right_matter_first_with_its_entry(catalogue, client):
    response = client.get("/api/v1/search", {"q": "生孩子"})
    assert response.status_code == 200
    body = response.json()
    first = body["results"][0]
    assert first["title"] == "出生医学证明办理" and first["kind"] == "matter"
    assert first["implementation_code"] == catalogue.code("birth_cert")
    assert first["url"] == f"/guide/{catalogue.code('birth_cert')}/"
    assert first["department"] == "云川市卫生健康委员会" and first["score"] > 0
    assert body["total"] >= 1 and body["query"] == "生孩子"


def test_api_search_narrowed_by_division_object_and_limit(catalogue, client):
    body = client.get(
        "/api/v1/search", {"q": "营业执照", "division": "439921", "object": "2", "limit": 1}
    ).json()
    assert [r["title"] for r in body["results"]] == ["企业设立登记"]
    assert body["results"][0]["department"] == "云溪县市场监督管理局"


def test_api_search_without_q_is_a_chinese_error_naming_q(catalogue, client):
    response = client.get("/api/v1/search", {"q": "  "})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid" and "q" in body["fields"] and "搜索词" in body["message"]


def test_api_search_with_a_too_long_q_is_refused(catalogue, client):
    response = client.get("/api/v1/search", {"q": "出生" * 30})
    assert response.status_code == 422
    assert "不能超过50个字" in response.json()["fields"]["q"][0]


def test_api_limit_out_of_range_is_refused_in_chinese(catalogue, client):
    response = client.get("/api/v1/search", {"q": "出生", "limit": 500})
    assert response.status_code == 422 and response.json()["code"] == "invalid"


def test_api_suggest_gives_at_most_eight_titles(catalogue, client):
    response = client.get("/api/v1/search/suggest", {"q": "登记"})
    assert response.status_code == 200
    items = response.json()
    assert 1 <= len(items) <= 8
    assert {"企业设立登记", "出生登记"} <= {i["title"] for i in items}


def test_api_suggest_without_q_is_an_error(catalogue, client):
    assert client.get("/api/v1/search/suggest").status_code == 422


def test_the_search_endpoints_are_documented(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/search" in spec["paths"] and "/api/v1/search/suggest" in spec["paths"]
    params = {p["name"] for p in spec["paths"]["/api/v1/search"]["get"]["parameters"]}
    assert {"q", "division", "object", "limit"} <= params
