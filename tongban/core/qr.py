"""QR codes (segno), made here only: PNG for PDFs, inline SVG for pages, text for a terminal."""

import io

import segno


def _symbol(url: str, error: str = "m") -> segno.QRCode:
    # Level M survives a smudged printout; never a Micro QR, which many phone cameras cannot read.
    return segno.make(url, error=error, micro=False)


def png(url: str, *, scale: int = 4) -> io.BytesIO:
    """A PNG for fpdf2's image(), which reads the buffer from the start."""
    buf = io.BytesIO()
    _symbol(url).save(buf, kind="png", scale=scale, border=2)
    buf.seek(0)
    return buf


def svg(url: str, *, title: str = "", scale: int = 4, border: int = 2) -> str:
    """<svg> markup to put inline in a page; `title` names it for screen readers."""
    symbol = _symbol(url)
    markup = symbol.svg_inline(scale=scale, border=border, title=title or None, dark="#111", light="#fff")
    # width/height keep its size; the viewBox lets CSS resize it whole instead of cutting off the
    # finder patterns at the edges.
    width, height = symbol.symbol_size(scale=scale, border=border)
    attrs = f'viewBox="0 0 {width} {height}"' + (' role="img"' if title else "")
    return markup.replace("<svg ", f"<svg {attrs} ", 1)


def terminal(url: str) -> str:
    """The code drawn with block characters for a terminal; level L keeps it small enough to fit."""
    out = io.StringIO()
    _symbol(url, error="l").terminal(out=out, compact=True)
    return out.getvalue()
