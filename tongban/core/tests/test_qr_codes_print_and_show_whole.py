"""One QR module for a PDF (PNG), a page (inline SVG) and a terminal (text); the SVG scales whole
when CSS resizes it."""

import re

import segno
from PIL import Image

from tongban.core import qr

URL = "https://zwfw.yunchuan.gov.cn/guide/11430100MB1234567X4000111000001/"


def test_svg_has_a_viewbox_matching_its_size_so_css_scales_it_whole():
    markup = qr.svg(URL, title="扫码打开《食品经营许可》办事指南")
    width, height = re.search(r'<svg [^>]*width="(\d+)" height="(\d+)"', markup).groups()
    assert f'viewBox="0 0 {width} {height}"' in markup
    assert 'role="img"' in markup and "<title>扫码打开《食品经营许可》办事指南</title>" in markup
    assert markup.count("viewBox") == 1 and not markup.startswith("<?xml")


def test_svg_without_title_is_not_announced_as_an_unnamed_image():
    assert 'role="img"' not in qr.svg(URL, scale=3, border=4)


def test_png_and_terminal_hold_the_whole_symbol_with_its_quiet_zone():
    modules = len(segno.make(URL, error="m", micro=False).matrix)
    image = Image.open(qr.png(URL, scale=4))
    assert image.size == ((modules + 4) * 4,) * 2
    # Level L for the terminal: fewer modules, two per character row in compact mode.
    small = len(segno.make(URL, error="l", micro=False).matrix)
    assert len(qr.terminal(URL).splitlines()) == (small + 8 + 1) // 2
