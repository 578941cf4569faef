"""A citizen scans the QR code on a guide (screen or PDF) and lands on the public guide URL.

segno cannot decode, so the tests read the printed symbol back into a module matrix and compare it
with the symbol segno makes for the expected absolute URL: equal matrices mean equal payloads.
"""

import io
import re
import subprocess

import pytest
import segno
from PIL import Image

from tongban.portal.tests.builders import make_full_guide

SITE = "https://zwfw.yunchuan.gov.cn"
BORDER = 2


@pytest.fixture
def public_site(settings):
    settings.TONGBAN = {**settings.TONGBAN, "SITE_URL": SITE + "/"}


def expected_matrix(url: str) -> list[list[bool]]:
    qr = segno.make(url, error="m", micro=False)
    size = len(qr.matrix) + 2 * BORDER
    grid = [[False] * size for _ in range(size)]
    for y, row in enumerate(qr.matrix):
        for x, dark in enumerate(row):
            grid[y + BORDER][x + BORDER] = bool(dark)
    return grid


def svg_matrix(svg: str) -> list[list[bool]]:
    """Rebuild the module grid from segno's path ("M4 4.5h7m2 0h8…", one unit per module)."""
    width = int(re.search(r'width="(\d+)"', svg).group(1))
    scale = int(re.search(r"scale\((\d+)\)", svg).group(1))
    size = width // scale
    grid = [[False] * size for _ in range(size)]
    path = re.search(r'class="qrline"[^>]* d="([^"]+)"', svg).group(1)
    x = y = 0.0
    for cmd, args in re.findall(r"([A-Za-z])([^A-Za-z]*)", path):
        nums = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", args)]
        if cmd == "M":
            x, y = nums
        elif cmd == "m":
            x, y = x + nums[0], y + nums[1]
        elif cmd == "h":
            for i in range(int(nums[0])):
                grid[int(y)][int(x) + i] = True
            x += nums[0]
        else:
            raise AssertionError(f"unexpected path command {cmd}")
    return grid


def png_matrix(png: bytes, modules: int) -> list[list[bool]]:
    img = Image.open(io.BytesIO(png)).convert("L")
    step = img.width / modules
    return [[img.getpixel((int((x + .5) * step), int((y + .5) * step))) < 128 for x in range(modules)]
            for y in range(modules)]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_qr_on_the_page_encodes_the_public_guide_url(page, public_site):
    impl, sibling = make_full_guide()
    page.goto(f"/guide/{impl.code}/")
    figure = page.locator("#guide-qr")
    url = f"{SITE}/guide/{impl.code}/"
    assert figure.get_attribute("data-url") == url
    assert figure.locator("svg title").text_content() == "扫码打开《食品经营许可（新办）》办事指南"
    assert "手机扫码查看本指南" in figure.inner_text()

    svg = figure.locator("svg").evaluate("el => el.outerHTML")
    assert svg_matrix(svg) == expected_matrix(url)
    # …and not the symbol of another entry's guide or of the request's own host.
    assert svg_matrix(svg) != expected_matrix(f"{SITE}/guide/{sibling.code}/")
    assert svg_matrix(svg) != expected_matrix(f"{page.url}")


@pytest.mark.django_db
def test_qr_in_the_pdf_encodes_the_public_guide_url(client, public_site, tmp_path):
    impl, _ = make_full_guide()
    pdf = tmp_path / "guide.pdf"
    pdf.write_bytes(client.get(f"/guide/{impl.code}/pdf").content)
    subprocess.run(["pdfimages", "-png", str(pdf), str(tmp_path / "img")], check=True)
    images = sorted(tmp_path.glob("img-*.png"))
    assert len(images) == 1
    url = f"{SITE}/guide/{impl.code}/"
    expected = expected_matrix(url)
    assert png_matrix(images[0].read_bytes(), len(expected)) == expected
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert url in text  # printed beside the code for those who cannot scan
