"""A Django template comment {# … #} ends on its own line: one spread over several lines is printed
on the page as text (a clerk once saw a developer's note above the 办件箱 filter). Longer notes use
{% comment %}."""

from pathlib import Path

import tongban

ROOT = Path(tongban.__file__).parent


def test_every_template_comment_closes_on_its_line():
    broken = []
    for path in ROOT.rglob("templates/**/*.html"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.count("{#") > line.count("#}"):
                broken.append(f"{path.relative_to(ROOT)}:{n}")
    assert not broken, "多行的 {# #} 注释会显示在页面上，请改用 {% comment %}：" + "、".join(broken)
