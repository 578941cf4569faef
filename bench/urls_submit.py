"""The site's URLs plus `POST /bench/floor`, the floor bench/submit_load.py compares submissions with.

The floor runs on the same server, workers, middleware and database connection handling as the
platform: a JSON body parsed, one row inserted in a transaction, a JSON 201 back. It has no
authentication and no domain logic on purpose.
"""

import json

from django.db import connection, transaction
from django.http import JsonResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

FLOOR_TABLE = "bench_floor"
FLOOR_DDL = (f"CREATE TABLE IF NOT EXISTS {FLOOR_TABLE} "
             "(id bigserial PRIMARY KEY, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())")


@csrf_exempt
@require_POST
def floor(request):
    body = json.loads(request.body)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FLOOR_TABLE} (payload) VALUES (%s) RETURNING id", [json.dumps(body)])
        (row_id,) = cursor.fetchone()
    return JsonResponse({"id": row_id}, status=201)


urlpatterns = [
    path("bench/floor", floor),
    path("", include("tongban.urls")),
]
