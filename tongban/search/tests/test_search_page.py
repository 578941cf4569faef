def test_a_citizen_searches_from_the_results_page_and_gets_links_to_guides(catalogue, client):
    response = client.get("/search/", {"q": "开饭店"})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="/guide/{catalogue.code("food")}/"' in html
    assert 'role="status" aria-live="polite"' in html and "找到 1 个" in html
    assert 'role="search"' in html and 'for="search-page-q"' in html and 'role="combobox"' in html


def test_the_page_offers_the_division_and_service_object_filters(catalogue, client):
    html = client.get("/search/", {"q": "营业执照", "division": "439921", "object": "1"}).content.decode()
    assert '<option value="439921" selected>云溪县</option>' in html
    # The county's own entry, not the city's.
    assert f'href="/guide/{catalogue.code("sole_trader", "county")}/"' in html
    assert f'href="/guide/{catalogue.code("sole_trader", "city")}/"' not in html


def test_htmx_requests_get_only_the_results_block(catalogue, client):
    response = client.get(
        "/search/", {"q": "生孩子"}, headers={"HX-Request": "true", "HX-Target": "search-results"}
    )
    html = response.content.decode()
    assert "<html" not in html and "出生医学证明办理" in html
    # The result count is updated out of band in the page's persistent live region.
    assert '<p id="search-count" hx-swap-oob="innerHTML">找到' in html


def test_an_empty_search_shows_a_hint_and_a_too_long_one_an_error(catalogue, client):
    assert "请输入要办的事" in client.get("/search/").content.decode()
    response = client.get("/search/", {"q": "出" * 60})
    assert response.status_code == 400 and "搜索词（q）不能超过50个字" in response.content.decode()


def test_typing_in_the_box_gives_suggestions_as_listbox_options(catalogue, client):
    html = client.get("/search/suggest", {"q": "csyxzm"}).content.decode()
    assert html.count('role="option"') == 2  # the matter and "search all"
    assert "出生医学证明办理" in html and f'data-url="/guide/{catalogue.code("birth_cert")}/"' in html
    assert client.get("/search/suggest", {"q": ""}).content.decode().strip() == ""


def test_the_search_box_partial_works_as_a_plain_form(client, db):
    from django.template.loader import render_to_string

    html = render_to_string("search/_box.html")
    assert 'method="get" action="/search/"' in html and 'name="q"' in html
    assert 'hx-get="/search/suggest"' in html and 'hx-trigger="input changed delay:150ms' in html
    assert 'role="listbox"' in html and 'aria-controls="search-box-listbox"' in html
