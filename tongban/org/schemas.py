"""API shapes of the administrative structure: divisions, departments, service sites, windows."""

from decimal import Decimal

from ninja import Field, Schema


class DivisionRef(Schema):
    code: str = Field(description="行政区划代码（GB/T 2260 6位，或12位统计用区划代码）")
    name: str = Field(description="名称")


class DivisionOut(Schema):
    code: str = Field(description="行政区划代码（GB/T 2260 6位，或12位统计用区划代码）")
    name: str = Field(description="名称")
    full_name: str = Field(description="全称（含上级区划），如“云川市芙蓉区”")
    level: int = Field(description="层级：1 国家级，2 省级，3 市级，4 县级，5 镇（乡、街道）级，6 村（社区）级")
    level_label: str = Field(description="层级名称")
    kind: str = Field(description="类别，如市辖区、县、镇、街道、村、社区")
    parent: DivisionRef | None = Field(None, description="上级区划；最高一级为空")


class DivisionDetailOut(DivisionOut):
    children: list[DivisionRef] = Field(description="直接下级区划")
    department_count: int = Field(description="本区划的部门数")
    site_count: int = Field(description="本区划的服务场所数")


class DepartmentOut(Schema):
    id: int = Field(description="部门内部编号")
    name: str = Field(description="部门名称")
    short_name: str = Field(description="简称")
    credit_code: str = Field(description="统一社会信用代码（GB 32100，18位）")
    sector: str = Field(description="条线代码：各层级同类部门共用，如 market（市场监管）")
    division: DivisionRef = Field(description="所属区划")
    level: int = Field(description="层级代码（同所属区划）")
    level_label: str = Field(description="层级名称")
    address: str = Field(description="地址")
    phone: str = Field(description="咨询电话")
    supervise_phone: str = Field(description="监督电话")


class DepartmentRef(Schema):
    id: int = Field(description="部门内部编号")
    name: str = Field(description="部门名称")
    credit_code: str = Field(description="统一社会信用代码")


class WindowOut(Schema):
    number: str = Field(description="窗口号")
    name: str = Field(description="窗口名称")
    kind: str = Field(description="窗口类型代码：comprehensive 综合受理、special 专业、pickup 综合出件、help 帮办代办、"
                                  "complaint “办不成事”反映")
    kind_label: str = Field(description="窗口类型名称")
    departments: list[DepartmentRef] = Field(description="进驻部门")


class SiteOut(Schema):
    id: int = Field(description="服务场所编号")
    name: str = Field(description="名称")
    kind: str = Field(description="类型代码：center 政务服务中心、town 便民服务中心、village 便民服务站")
    kind_label: str = Field(description="类型名称")
    division: DivisionRef = Field(description="所属区划")
    address: str = Field(description="地址")
    hours: str = Field(description="办公时间")
    phone: str = Field(description="咨询电话")
    longitude: Decimal | None = Field(None, description="经度，未标注为空")
    latitude: Decimal | None = Field(None, description="纬度，未标注为空")
    traffic: str = Field(description="交通指引")


class SiteDetailOut(SiteOut):
    windows: list[WindowOut] = Field(description="窗口")
