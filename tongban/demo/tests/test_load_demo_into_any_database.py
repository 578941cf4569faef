"""An operator loads the demo city into the database DATABASE_URL names (here the PostgreSQL test database)
with `tongban load-demo`: refused while the database holds accounts, loaded with --force beside them.
About 15 s: the whole demo city with the sample matters."""

import pytest

from tongban.accounts.models import User
from tongban.cases.models import Case
from tongban.cli import main
from tongban.demo.data.accounts import DEMO_PASSWORD
from tongban.org.models import Division

pytestmark = pytest.mark.django_db


def test_load_demo_refuses_a_database_with_accounts_unless_forced(capsys, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    User.objects.create_user(username="real-admin", password="correct-horse-battery")

    with pytest.raises(SystemExit) as refused:
        main(["load-demo", "--matters", "matters_sample"])

    assert refused.value.code == 1
    assert "已有账号，未加载演示数据" in capsys.readouterr().err
    assert not Division.objects.exists()

    assert main(["load-demo", "--force", "--matters", "matters_sample"]) == 0

    out = capsys.readouterr().out
    assert "目标：postgresql 数据库 " in out and "事项 3 项" in out and DEMO_PASSWORD in out
    assert User.objects.filter(username="citizen").exists() and User.objects.filter(username="real-admin").exists()
    assert Case.objects.exclude(number=None).exists()  # the demo's cases in every state
    assert list((tmp_path / "media" / "catalog").rglob("*.pdf"))  # blank forms, in the configured storage
