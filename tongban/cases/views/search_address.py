"""The address of a staff list's filter (办件箱, 督办) without an ID or mobile number in it.

A GET filter form puts what was typed into the URL, and so into the web server's and the proxy's access
logs, the browser's history and every Referer (《个人信息保护法》第五十一条; docs/domain.md §10). The
filter forms therefore post, and the server answers with the list's address: a text without an ID or
mobile number stays in `?q=` (a bookmark keeps working); a text with one is kept in the staff member's
own session under a random key, and the address carries `?s=<key>`, good for an hour after its last use
(SEARCH_TTL).

Why a random key and not a hash or a signature of the number: an ID number has little entropy (a
county's area code, a birth date, three digits and a check digit), so a hash in a log is reversed by
trying them all; a signed value is readable by anyone (signing is not encryption). The key is derived
from nothing and means nothing outside that session; once expired, the page says the filter lapsed.
"""

import re
import secrets
import time
from urllib.parse import urlencode

from tongban.core.masking import mask_personal_data

SEARCH_PARAM = "s"
SEARCH_TTL = 3600
SESSION_KEY = "tongban.cases.searches"
MAX_KEPT = 20  # the latest searches a session keeps (older keys lapse)
# A number that may be one even where the masking's checks do not match: a mistyped or old 15-digit ID,
# a phone number with spaces. Separators are ignored; 11+ digits in a row count (case numbers too, which
# then simply are not bookmarkable).
_LONG_NUMBER = re.compile(r"\d{11,}")


def is_personal(text: str) -> bool:
    """Whether `text` carries an ID number, a mobile number or something as long that may be one."""
    return mask_personal_data(text) != text or bool(_LONG_NUMBER.search(re.sub(r"[\s\-]", "", text)))


def filter_text(request) -> tuple[str, bool]:
    """(the filter text of this GET, whether a kept one has lapsed): `?q=`, or the text kept under `?s=`."""
    key = request.GET.get(SEARCH_PARAM)
    if key is None:
        return request.GET.get("q", ""), False
    kept = request.session.get(SESSION_KEY, {}).get(key)
    if kept is None or kept[1] < time.time():
        return "", True
    return kept[0], False


def filter_query(request, text: str, params: dict) -> str:
    """The query string for `params` (queue, department…) and `text`: q=<text> or s=<key>."""
    query = {k: v for k, v in params.items() if v not in (None, "")}
    text = (text or "").strip()
    if text:
        if is_personal(text):
            query[SEARCH_PARAM] = _keep(request.session, text)
        else:
            query["q"] = text
    return urlencode(query)


def filter_address(request, text: str, params: dict) -> str:
    query = filter_query(request, text, params)
    return f"{request.path}?{query}" if query else request.path


def _keep(session, text: str) -> str:
    now = time.time()
    kept = {k: v for k, v in session.get(SESSION_KEY, {}).items() if v[1] > now}
    for key, (kept_text, _) in kept.items():
        if kept_text == text:  # the same search again (paging, the live filter): the same address
            kept[key] = [text, now + SEARCH_TTL]
            session[SESSION_KEY] = kept
            return key
    key = secrets.token_urlsafe(9)
    kept[key] = [text, now + SEARCH_TTL]
    session[SESSION_KEY] = dict(sorted(kept.items(), key=lambda item: item[1][1])[-MAX_KEPT:])
    return key
