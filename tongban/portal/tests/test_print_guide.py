"""A citizen prints a guide: the printout holds the guide only, without the site's navigation."""

import pytest

from tongban.portal.tests.builders import make_full_guide

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_print_shows_the_guide_without_navigation(page, tmp_path):
    impl, _ = make_full_guide()
    page.goto(f"/guide/{impl.code}/")
    assert page.locator(".main-nav").is_visible()

    page.emulate_media(media="print")
    for hidden in (".main-nav", ".site-header", ".site-footer", ".guide-actions", ".toc"):
        assert page.locator(hidden).first.is_hidden(), hidden
    for shown in ("#guide-title", "#basic", "#materials", "#process", "#faq", "#guide-qr svg"):
        assert page.locator(shown).is_visible(), shown
    # The material table prints as a real table, header row included.
    assert page.locator("#materials thead th").first.is_visible()

    # Chromium's own print-to-PDF of the page: Chinese text and no navigation in it.
    out = tmp_path / "printed.pdf"
    page.pdf(path=str(out), format="A4")
    import subprocess

    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "食品经营许可（新办）" in text
    assert "法人办事" not in text  # a nav item
    assert "监督电话：12345" not in text.replace(" ", "")  # the footer

    page.emulate_media(media="screen")
    assert page.locator(".main-nav").is_visible()


def test_print_button_opens_the_print_dialog(page):
    impl, _ = make_full_guide()
    page.goto(f"/guide/{impl.code}/")
    # Replace window.print so the test sees the call instead of a native dialog.
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="打印").click()
    assert page.evaluate("window.__printed") == 1
