"""The CJK font every PDF embeds (fpdf2); QR images for PDFs are tongban.core.qr.png."""

import os
from functools import lru_cache


@lru_cache(maxsize=1)
def cjk_font_path() -> str:
    # NotoSansSC from the pylopdf_fonts_zh_cn wheel; fpdf2 subsets it, so a notice stays small.
    import pylopdf_fonts_zh_cn

    return os.path.join(os.path.dirname(pylopdf_fonts_zh_cn.__file__), "NotoSansSC-Regular.otf")
