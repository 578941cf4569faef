"""An operator backs up the database with scripts/backup and restores it with scripts/restore into a new, empty
database (docs/deployment.md): the case is there with its files' rows; restoring over a database that
is not empty is refused. About 5 s."""

import os
import subprocess
import uuid

import psycopg
import pytest
from django.db import connection

from tongban.cases.tests.builders import make_world, submitted_case
from tongban.core.tests.servers import REPOSITORY, database_url

# pg_dump reads what this test committed (serialized_rollback restores the seeded code tables afterwards).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _script(name, *args, url):
    return subprocess.run([str(REPOSITORY / "scripts" / name), *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, "DATABASE_URL": url}, timeout=120)


def _server():
    db = connection.settings_dict
    return psycopg.connect(host=db["HOST"] or None, port=db["PORT"] or None, user=db["USER"] or None,
                           password=db["PASSWORD"] or None, dbname="postgres", autocommit=True)


def test_a_backup_restores_into_a_fresh_database_and_never_over_one_in_use(tmp_path):
    case = submitted_case(make_world())
    dump = tmp_path / "tongban.dump"

    backup = _script("backup", dump, url=database_url())
    assert backup.returncode == 0 and backup.stdout.strip() == str(dump), backup.stderr
    assert not (tmp_path / "tongban.dump.partial").exists()

    fresh = f"{connection.settings_dict['NAME']}_restored_{uuid.uuid4().hex[:6]}"
    fresh_url = database_url().rsplit("/", 1)[0] + f"/{fresh}"
    with _server() as server:
        server.execute(f'CREATE DATABASE "{fresh}"')
        try:
            restore = _script("restore", dump, url=fresh_url)
            assert restore.returncode == 0, restore.stderr
            assert "已恢复：办件 1" in restore.stdout and "已恢复：办件文件 3" in restore.stdout
            with psycopg.connect(fresh_url) as restored:
                rows = restored.execute("select number, applicant_name from cases_case").fetchall()
                assert rows == [(case.number, "张三")]

            again = _script("restore", dump, url=fresh_url)
            assert again.returncode == 1 and "目标数据库不是空的" in again.stderr
            missing = _script("restore", tmp_path / "none.dump", url=fresh_url)
            assert missing.returncode == 2 and "无法读取备份文件" in missing.stderr
        finally:
            server.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')
