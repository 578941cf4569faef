from tongban.core.models import AuditEvent
from tongban.search.models import Synonym
from tongban.search.selectors import search


def test_staff_add_a_synonym_in_the_admin_and_the_next_search_uses_it(catalogue, admin_client):
    assert search("摆摊").total == 0
    response = admin_client.post(
        "/admin/search/synonym/add/",
        {"term": "摆摊", "expansions": "个体工商户，营业执照", "enabled": "on", "note": ""},
    )
    assert response.status_code == 302
    assert search("摆摊").results[0].title == "个体工商户设立登记"
    synonym = Synonym.objects.get(term="摆摊")
    assert synonym.expansions == "个体工商户、营业执照"
    event = AuditEvent.objects.get(action="search.synonym.create", object_id=str(synonym.pk))
    assert "摆摊" in event.summary and event.actor is not None


def test_staff_change_a_synonym_and_the_old_meaning_stops_applying(catalogue, admin_client):
    synonym = Synonym.objects.get(term="开饭店")
    assert search("开饭店").results[0].title == "食品经营许可（新办）"
    admin_client.post(
        f"/admin/search/synonym/{synonym.pk}/change/",
        {"term": "开饭店", "expansions": "公众聚集场所", "enabled": "on", "note": ""},
    )
    assert search("开饭店").results[0].title == "公众聚集场所投入使用、营业前消防安全检查"
    event = AuditEvent.objects.get(action="search.synonym.update", object_id=str(synonym.pk))
    assert event.data["before"]["expansions"] == "餐饮、食品经营许可、食品经营"


def test_staff_disable_a_synonym_and_it_no_longer_expands(catalogue, admin_client):
    synonym = Synonym.objects.get(term="生孩子")
    admin_client.post(
        f"/admin/search/synonym/{synonym.pk}/change/",
        {"term": "生孩子", "expansions": synonym.expansions, "note": ""},
    )  # unchecked = disabled
    assert search("生孩子").total == 0


def test_a_synonym_without_expansions_is_refused_with_a_message_naming_the_field(catalogue, admin_client):
    response = admin_client.post(
        "/admin/search/synonym/add/", {"term": "摆摊", "expansions": " 、 ", "enabled": "on"}
    )
    assert response.status_code == 200
    assert "对应词" in response.content.decode()
    assert not Synonym.objects.filter(term="摆摊").exists()


def test_staff_delete_a_synonym_and_the_deletion_is_audited(catalogue, admin_client):
    synonym = Synonym.objects.get(term="开饭店")
    admin_client.post(f"/admin/search/synonym/{synonym.pk}/delete/", {"post": "yes"})
    assert not Synonym.objects.filter(term="开饭店").exists()
    assert AuditEvent.objects.filter(action="search.synonym.delete").exists()
    assert search("开饭店").total == 0


def test_the_default_table_has_the_common_plain_words(db):
    terms = set(Synonym.objects.values_list("term", flat=True))
    assert {
        "生孩子",
        "开饭店",
        "开店",
        "上户口",
        "结婚",
        "二手房",
        "退休",
        "公积金",
        "医保",
        "社保",
        "失业金",
    } <= terms
    assert Synonym.objects.count() >= 20
