"""Shared PDF pieces: the embedded CJK font and QR images (fpdf2, segno)."""

import io
import os
from functools import lru_cache

import segno


@lru_cache(maxsize=1)
def cjk_font_path() -> str:
    # NotoSansSC from the pylopdf_fonts_zh_cn wheel; fpdf2 subsets it, so a notice stays small.
    import pylopdf_fonts_zh_cn

    return os.path.join(os.path.dirname(pylopdf_fonts_zh_cn.__file__), "NotoSansSC-Regular.otf")


def qr_png(url: str, scale: int = 4) -> io.BytesIO:
    buf = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buf, kind="png", scale=scale, border=2)
    buf.seek(0)
    return buf
