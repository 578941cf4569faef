"""A small city with the base registries: the cases test world (a market bureau, a food licence,
applicants, clerk, approvers) plus a 大数据局 owning 人口/法人/信用 with its data steward. Real rows."""

import datetime as dt

from tongban.accounts.models import Role
from tongban.cases.tests.builders import make_user, make_world, valid_id
from tongban.catalog.tests.builders import credit_code, make_department
from tongban.registries import services
from tongban.registries.codes import Storage
from tongban.registries.importing import import_rows

SYSTEM = "测试数据"
POPULATION_HEADER = ["公民身份号码", "姓名", "性别", "出生日期", "户籍地址", "户籍地区划代码", "户号", "与户主关系",
                     "婚姻状况"]
COMPANY_CODE = credit_code("91439901MA4T8K6X2")


def person_row(id_number, name, address="云川市芙蓉区五一大道218号", division="439901"):
    sex = "男" if int(id_number[16]) % 2 else "女"
    born = f"{id_number[6:10]}-{id_number[10:12]}-{id_number[12:14]}"
    return [id_number, name, sex, born, address, division, "H0001", "户主", "已婚"]


def registry_world():
    w = make_world()
    w.data_office = make_department(w.city, name="云川市政务服务和大数据管理局", sector="gov_service")
    w.steward = make_user("steward", role=Role.STEWARD, division=w.city, department=w.data_office,
                          display_name="数据专员林涛")
    w.population = services.publish_resource(SYSTEM, services.register_resource(
        SYSTEM, code="population", name="人口基础信息库", owner=w.data_office, storage=Storage.POPULATION,
        source_department="云川市公安局"))
    w.legal = services.publish_resource(SYSTEM, services.register_resource(
        SYSTEM, code="legal_entity", name="法人单位基础信息库", owner=w.data_office, storage=Storage.LEGAL_ENTITY,
        source_department="云川市市场监督管理局"))
    w.credit = services.publish_resource(SYSTEM, services.register_resource(
        SYSTEM, code="credit", name="社会信用信息库", owner=w.data_office, storage=Storage.CREDIT))
    report = import_rows(SYSTEM, w.population, POPULATION_HEADER, [
        (2, person_row(w.applicant.id_number, "张三")),
        (3, person_row(w.other_applicant.id_number, "李四", address="云川市湘江区滨江路1号")),
    ])
    assert report.ok, report.errors
    w.company_code = COMPANY_CODE
    report = import_rows(SYSTEM, w.legal, ["统一社会信用代码", "名称", "类型", "法定代表人", "法定代表人身份证号", "住所",
                                           "成立日期", "登记机关"], [
        (2, [COMPANY_CODE, "云川市湘味轩餐饮有限公司", "有限责任公司", "张三", w.applicant.id_number,
             "云川市芙蓉区蔡锷中路98号", "2021-06-18", "云川市芙蓉区市场监督管理局"]),
    ])
    assert report.ok, report.errors
    return w


def grant(w, resource, fields, *, consumer=None, matters=None, **kw):
    return services.grant_access(w.steward, resource=resource, consumer=consumer or w.market, fields=fields,
                                 matters=matters or [w.version.matter], basis="《政务信息资源共享管理暂行办法》第十条", **kw)


def yesterday():
    return dt.date.today() - dt.timedelta(days=1)


__all__ = ["registry_world", "grant", "person_row", "valid_id", "POPULATION_HEADER", "COMPANY_CODE", "SYSTEM"]
