"""Benchmark: SM2 licence-seal verifications per second on one core, next to ECDSA P-256.

    .venv/bin/python bench/licence_verify.py [--seconds 3] [--cpu N]

Pins itself to one CPU core, makes an SM2 key pair and seals a realistic licence statement (the
canonical JSON a licence QR code carries, tongban/licences/sealing.py), then counts in the same run:

  * SM2 verify — OpenSSL libcrypto (what tongban.core.sm.verify uses after its self-test),
  * SM2 verify — gmssl-fast (the GmSSL binding; the fallback, and the signer),
  * the whole offline QR check (decode payload, re-serialise, SM2 verify) as a verifier runs it,
  * the baseline: ECDSA P-256 / SHA-256 verify with the `cryptography` package, same message,
  * for reference: the pure-Python `gmssl` package (a short run) and SM2 signing with gmssl-fast.

Rates are per second of CPU time of this process (so a busy machine does not flatter or punish the
figures much); wall-clock rates are printed beside them. Goal (issue 5): ≥ 500 SM2 verifications/s.
No database and no Django settings are needed.
"""

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL = 500

from cryptography.hazmat.primitives import hashes  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402

from tongban.core import sm, sm_openssl  # noqa: E402
from tongban.licences import sealing  # noqa: E402


def measure(fn, seconds: float) -> tuple[float, float, int]:
    """(ops per CPU second, ops per wall second, n)."""
    fn()  # warm up: key parsing, caches
    n = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    while time.process_time() - cpu0 < seconds:
        for _ in range(20):
            fn()
        n += 20
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return n / cpu, n / wall, n


def statement(key_id: str) -> dict:
    return {"v": 1, "id": "1.2.156.3005.2.SPJYXK.11431400MB1C2X5J1P.00000035.001.K", "k": key_id,
            "d": sm.sm3_hex(b"canonical licence data"), "t": date.today().isoformat(), "n": "食品经营许可证",
            "o": "云川市芙蓉区市场监督管理局", "h": "云川市芙蓉区湘味轩餐饮有限公司", "hid": "9143**********6X25",
            "iss": "2026-06-01", "exp": "2031-05-31"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="CPU seconds per measurement (default 3)")
    parser.add_argument("--cpu", type=int, default=None, help="core to pin to (default: the last one)")
    args = parser.parse_args()

    cpus = sorted(os.sched_getaffinity(0))
    cpu = args.cpu if args.cpu is not None else cpus[-1]
    os.sched_setaffinity(0, {cpu})

    keys = sm.generate_keypair()
    signed = statement(sm.sm3_hex(bytes.fromhex(keys.public_hex))[:16])
    message = sealing.canonical_json(signed)
    signature = sm.sign(keys.private_hex, keys.public_hex, message)
    payload = sealing.encode_payload(signed, signature)
    published = {signed["k"]: {"public_key": keys.public_hex, "valid_from": "2000-01-01", "valid_until": ""}}
    today = date.today()
    assert sm.verify(keys.public_hex, message, signature, backend="gmssl")
    openssl = sm_openssl.available()
    if openssl:
        assert sm.verify(keys.public_hex, message, signature, backend="openssl")
    assert sealing.verify_payload_offline(payload, published, today).authentic

    p256 = ec.generate_private_key(ec.SECP256R1())
    p256_sig = p256.sign(message, ec.ECDSA(hashes.SHA256()))
    p256_pub = p256.public_key()

    def verify_p256():
        p256_pub.verify(p256_sig, message, ec.ECDSA(hashes.SHA256()))  # raises if invalid

    from gmssl import sm2 as pure_sm2

    pure = pure_sm2.CryptSM2(private_key="", public_key=keys.public_hex[2:])
    pure_sig = signature.hex()

    rows = []
    if openssl:
        rows.append(("SM2 verify — OpenSSL libcrypto (platform default)",
                     lambda: sm.verify(keys.public_hex, message, signature, backend="openssl"), args.seconds))
    rows += [
        ("SM2 verify — gmssl-fast (GmSSL)",
         lambda: sm.verify(keys.public_hex, message, signature, backend="gmssl"), args.seconds),
        (f"offline QR check, whole ({sm.verify_backend()})",
         lambda: sealing.verify_payload_offline(payload, published, today), args.seconds),
        ("baseline: ECDSA P-256/SHA-256 verify (cryptography)", verify_p256, args.seconds),
        ("reference: SM2 verify — pure-Python gmssl", lambda: pure.verify_with_sm3(pure_sig, message),
         min(args.seconds, 1.0)),
        ("reference: SM2 sign — gmssl-fast",
         lambda: sm.sign(keys.private_hex, keys.public_hex, message), args.seconds),
    ]

    print(f"licence_verify: one core (CPU {cpu} of {len(cpus)}), {len(message)}-byte sealed statement, "
          f"{args.seconds:g} CPU-s per row; platform verifier: {sm.verify_backend()}")
    print(f"{'':54} {'ops/s (CPU)':>12} {'ops/s (wall)':>13} {'n':>8}")
    results = {}
    for label, fn, seconds in rows:
        cpu_rate, wall_rate, n = measure(fn, seconds)
        results[label] = cpu_rate
        print(f"{label:54} {cpu_rate:12,.0f} {wall_rate:13,.0f} {n:8,}")

    platform = results[rows[0][0]]
    baseline = results["baseline: ECDSA P-256/SHA-256 verify (cryptography)"]
    print(f"\nSM2 (platform) / P-256 baseline: {platform / baseline:.2f}×")
    met = platform >= GOAL
    print(f"goal: ≥ {GOAL} SM2 verifications/s on one core → {platform:,.0f}/s: {'MET' if met else 'NOT MET'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
