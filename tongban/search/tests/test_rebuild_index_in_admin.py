from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from tongban.core.models import AuditEvent
from tongban.search.models import SearchDocument, SearchPlace
from tongban.search.selectors import search


def test_an_administrator_rebuilds_the_index_from_the_admin(catalogue, admin_client):
    SearchDocument.objects.all().delete()
    assert search("营业执照").total == 0
    response = admin_client.post(
        "/admin/search/searchdocument/", {"action": "rebuild_index", "index": 0}, follow=True
    )
    assert "搜索索引已重建" in response.content.decode()
    assert search("营业执照").results[0].title in {"企业设立登记", "个体工商户设立登记"}
    assert SearchDocument.objects.filter(kind="matter").count() == 8
    assert SearchPlace.objects.count() == sum(1 for _ in catalogue.impls)
    assert AuditEvent.objects.filter(action="search.index.rebuild").exists()


def test_the_rebuild_action_is_also_offered_with_the_synonyms(catalogue, admin_client):
    pk = admin_client.get("/admin/search/synonym/").context["cl"].result_list[0].pk
    response = admin_client.post(
        "/admin/search/synonym/", {"action": "rebuild_index", ACTION_CHECKBOX_NAME: [pk]}, follow=True
    )
    assert "matter：8 条" in response.content.decode()


def test_the_rebuild_command_rebuilds_every_registered_kind(catalogue, capsys):
    from django.core.management import call_command

    SearchDocument.objects.all().delete()
    call_command("search_reindex")
    assert "matter: 8" in capsys.readouterr().out
    assert search("生孩子").results[0].title == "出生医学证明办理"
