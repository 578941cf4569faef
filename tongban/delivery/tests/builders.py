from tongban.delivery.services import create_shipment

REFERENCE = "11439901MB0000012X0002010350002026112300001"


def make_shipment(actor=None, **over):
    fields = {"reference": REFERENCE, "recipient_name": "张三", "phone": "13812341234",
              "address": "湖南省云川市芙蓉区五一大道100号3栋502", "items": "食品经营许可证（正本、副本）"}
    fields.update(over)
    return create_shipment(actor, **fields)
