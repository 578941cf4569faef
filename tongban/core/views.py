"""/csp-report/: browsers report what the Content-Security-Policy blocked (settings.CONTENT_SECURITY_POLICY).

One warning line per report on the `tongban.csp` logger, whose handler masks ID and mobile numbers
(a blocked address may carry one in its query). Anyone can post here, so the body is capped, never
stored, and a malformed one is answered like a good one: there is nothing to tell the sender.
"""

import json
import logging

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

logger = logging.getLogger("tongban.csp")
MAX_REPORT_BYTES = 8 * 1024
# The report's fields worth a log line (CSP Level 2 "csp-report" and Level 3 Reporting API names).
FIELDS = ("document-uri", "documentURL", "violated-directive", "effectiveDirective", "effective-directive",
          "blocked-uri", "blockedURL", "source-file", "sourceFile", "line-number", "lineNumber")


@csrf_exempt  # browsers post reports without the site's CSRF token
@require_POST
def csp_report(request):
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REPORT_BYTES:
        return HttpResponse(status=413)
    try:
        body = json.loads(request.body[:MAX_REPORT_BYTES] or b"{}")
    except (ValueError, UnicodeDecodeError):
        return HttpResponse(status=204)
    reports = body if isinstance(body, list) else [body]  # application/reports+json sends a list
    for report in reports[:10]:
        if not isinstance(report, dict):
            continue
        fields = report.get("csp-report") or report.get("body") or {}
        if isinstance(fields, dict):
            line = " ".join(f"{k}={str(fields[k])[:300]}" for k in FIELDS if fields.get(k) not in (None, ""))
            logger.warning("CSP violation: %s", line or "(empty report)")
    return HttpResponse(status=204)
