"""A textbook SM2 (GB/T 32918.2 §6–7) over any prime curve, for checking the standard's examples.

Only for tests: slow, not constant-time. The platform signs and verifies with gmssl-fast
(tongban/core/sm.py), which knows only the recommended curve; the GB/T 32918.2 example uses a
test curve, so that example is checked here and the recommended-curve example of GB/T 32918.5
Annex A is checked against gmssl-fast itself.
"""

from tongban.core.sm import Curve, sm3

# GB/T 32918.2-2016 Annex A.2: the 256-bit test curve over F_p of the signature example.
TEST_CURVE = Curve(
    p=0x8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3,
    a=0x787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498,
    b=0x63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A,
    n=0x8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7,
    gx=0x421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D,
    gy=0x0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2,
)


def _add(c: Curve, P, Q):
    if P is None:
        return Q
    if Q is None:
        return P
    (x1, y1), (x2, y2) = P, Q
    if x1 == x2 and (y1 + y2) % c.p == 0:
        return None
    if P == Q:
        lam = (3 * x1 * x1 + c.a) * pow(2 * y1, -1, c.p) % c.p
    else:
        lam = (y2 - y1) * pow(x2 - x1, -1, c.p) % c.p
    x3 = (lam * lam - x1 - x2) % c.p
    return x3, (lam * (x1 - x3) - y1) % c.p


def mul(c: Curve, k: int, P):
    result = None
    while k:
        if k & 1:
            result = _add(c, result, P)
        P = _add(c, P, P)
        k >>= 1
    return result


def z_value(c: Curve, user_id: bytes, public) -> bytes:
    size = (c.p.bit_length() + 7) // 8
    parts = (c.a, c.b, c.gx, c.gy, public[0], public[1])
    return sm3((len(user_id) * 8).to_bytes(2, "big") + user_id + b"".join(v.to_bytes(size, "big") for v in parts))


def sign_with_k(c: Curve, d: int, e: int, k: int) -> tuple[int, int]:
    x1, _ = mul(c, k, (c.gx, c.gy))
    r = (e + x1) % c.n
    s = pow(1 + d, -1, c.n) * (k - r * d) % c.n
    return r, s


def verify(c: Curve, public, e: int, r: int, s: int) -> bool:
    if not (1 <= r < c.n and 1 <= s < c.n):
        return False
    t = (r + s) % c.n
    if t == 0:
        return False
    point = _add(c, mul(c, s, (c.gx, c.gy)), mul(c, t, public))
    return point is not None and (e + point[0]) % c.n == r
