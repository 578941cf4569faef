"""SM3 and SM2 pass the published examples of GB/T 32905 and GB/T 32918 (issue 5 acceptance).

- SM3: GB/T 32905-2016 Annex A, "abc" and the 64-byte "abcd…abcd".
- SM2: GB/T 32918.2-2016 Annex A (test curve, ID ALICE123@YAHOO.COM) — gmssl-fast supports only the
  recommended curve, so this example is checked with the textbook implementation in sm2_reference.py,
  whose Z and e computation is the same code path idea as tongban.core.sm.z_value.
- SM2: GB/T 32918.5-2017 Annex A (recommended curve, default ID 1234567812345678) — verified with
  gmssl-fast, the library the platform signs with, and cross-checked with the pure-Python `gmssl`.
"""

import hashlib

import pytest
from gmssl import sm2 as pure_sm2

from tongban.core import sm, sm_openssl
from tongban.core.tests import sm2_reference as ref

MESSAGE = b"message digest"

# GB/T 32918.5-2017 Annex A (= GM/T 0003.5-2012 A.2): recommended curve.
REC_D = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8"
REC_PUB = ("04" "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
           "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13")
REC_Z = "B2E14C5C79C6DF5B85F4FE7ED8DB7A262B9DA7E07CCB0EA9F4747B8CCDA8A4F3"
REC_E = "F0B43E94BA45ACCAACE692ED534382EB17E6AB5A19CE7B31F4486FDFC0D28640"
REC_K = "59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21"
REC_SIG = ("F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3"
           "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA")

# GB/T 32918.2-2016 Annex A.2: test curve.
TEST_ID = b"ALICE123@YAHOO.COM"
TEST_D = 0x128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263
TEST_PUB = (0x0AE4C7798AA0F119471BEE11825BE46202BB79E2A5844495E97C04FF4DF2548A,
            0x7C0240F88F1CD4E16352A73C17B7F16F07353E53A176D684A9FE0C6BB798E857)
TEST_Z = "F4A38489E32B45B6F876E3AC2168CA392362DC8F23459C1D1146FC3DBFB7BC9A"
TEST_E = "B524F552CD82B8B028476E005C377FB19A87E6FC682D48BB5D42E3D9B9EFFE76"
TEST_K = 0x6CB28D99385C175C94F94E934817663FC176D925DD72B727260DBAAE1FB2F96F
TEST_R = 0x40F1EC59F793D9F49E09DCEF49130D4194F79FB1EED2CAA55BACDB49C4E755D1
TEST_S = 0x6FC6DAC32C5D5CF10C77DFB20F7C2EB667A457872FB09EC56327A67EC7DEEBE7

# A fixed key pair for the cross-check with the pure-Python gmssl: a test key, generated once with
# sm.generate_keypair() and published here on purpose (not a secret). Not a fresh random key: gmssl
# 3.2.2's CryptSM2 takes the bare X ‖ Y and strips a leading "04" with str.lstrip("04"), so a key whose
# X starts with byte 04 (1 in 256) is mangled and its verification crashes.
FIXED_D = "5b620cdb74b829f230909cfa0fa520d04df35a9e300232bc367e2108bc075607"
FIXED_PUB = ("04" "5e67cff85090f78eca73653d805e44e54f6134acbea18be394802e2cabebda50"
             "13f6e4eecb222dcf370ac836d8e07b4579838952159ef714c5019043b0c6845a")


@pytest.mark.parametrize("message, digest", [
    (b"abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"),
    (b"abcd" * 16, "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"),
])
def test_sm3_standard_examples(message, digest):
    assert sm.sm3_hex(message) == digest
    assert hashlib.new("sm3", message).hexdigest() == digest  # OpenSSL agrees
    assert sm.sm3_hex(message + b"x") != digest


def test_sm2_recommended_curve_example_z_and_e():
    assert sm.z_value(REC_PUB).hex().upper() == REC_Z
    assert sm.message_digest(REC_PUB, MESSAGE).hex().upper() == REC_E
    # A different signer ID gives a different Z: the ID really is part of what is signed.
    assert sm.z_value(REC_PUB, b"ALICE123@YAHOO.COM").hex().upper() != REC_Z


@pytest.mark.parametrize("backend", ["gmssl", "openssl"])
def test_sm2_recommended_curve_published_signature_verifies(backend):
    signature = bytes.fromhex(REC_SIG)
    assert sm.verify(REC_PUB, MESSAGE, signature, backend=backend)
    assert not sm.verify(REC_PUB, b"message digesT", signature, backend=backend)
    tampered = bytearray(signature)
    tampered[10] ^= 1
    assert not sm.verify(REC_PUB, MESSAGE, bytes(tampered), backend=backend)
    assert not sm.verify(REC_PUB, MESSAGE, signature[:63], backend=backend)
    assert not sm.verify("04" + "11" * 64, MESSAGE, signature, backend=backend)  # not a point on the curve


def test_the_faster_openssl_verifier_is_in_use_and_agrees_with_gmssl_fast():
    # sm.verify picks OpenSSL's libcrypto after its self-test; without it verification is ~4× slower.
    assert sm_openssl.available() and sm.verify_backend() == "openssl"
    for i in range(20):
        keys = sm.generate_keypair()
        data = f"证照{i}".encode() * (i + 1)
        signature = sm.sign(keys.private_hex, keys.public_hex, data)
        for message in (data, data + b"!"):
            assert sm.verify(keys.public_hex, message, signature, backend="openssl") == \
                sm.verify(keys.public_hex, message, signature, backend="gmssl") == (message == data)


def test_sm2_recommended_curve_signature_is_reproduced_from_k():
    # The published k and e give the published (r, s): the same arithmetic our signer runs.
    signer = pure_sm2.CryptSM2(private_key=REC_D, public_key=REC_PUB[2:])
    assert signer.sign(bytes.fromhex(REC_E), REC_K).upper() == REC_SIG
    r, s = ref.sign_with_k(sm.RECOMMENDED_CURVE, int(REC_D, 16), int(REC_E, 16), int(REC_K, 16))
    assert f"{r:064X}{s:064X}" == REC_SIG


def test_sm2_sign_verify_round_trip_and_cross_check_with_pure_python_gmssl():
    keys = sm.KeyPair(private_hex=FIXED_D, public_hex=FIXED_PUB)
    assert len(keys.public_hex) == 130 and keys.public_hex.startswith("04")
    data = '{"holder":"张晓梅","type":"结婚证"}'.encode()
    signature = sm.sign(keys.private_hex, keys.public_hex, data)
    assert len(signature) == 64
    assert sm.verify(keys.public_hex, data, signature)
    assert not sm.verify(keys.public_hex, data + b" ", signature)
    assert not sm.verify(sm.generate_keypair().public_hex, data, signature)
    # An independent implementation with the default ID 1234567812345678 agrees both ways.
    pure = pure_sm2.CryptSM2(private_key=keys.private_hex, public_key=keys.public_hex[2:])
    assert pure.verify_with_sm3(signature.hex(), data)
    assert sm.verify(keys.public_hex, data, bytes.fromhex(pure.sign_with_sm3(data)))
    # And the textbook verification over e = SM3(Z ‖ M) accepts it too.
    public = (int(keys.public_hex[2:66], 16), int(keys.public_hex[66:], 16))
    e = int.from_bytes(sm.message_digest(keys.public_hex, data), "big")
    assert ref.verify(sm.RECOMMENDED_CURVE, public, e, int.from_bytes(signature[:32], "big"),
                      int.from_bytes(signature[32:], "big"))


def test_sm2_test_curve_example_of_gbt_32918_2():
    # gmssl-fast knows only the recommended curve; the standard's own example uses a test curve.
    c = ref.TEST_CURVE
    assert ref.mul(c, TEST_D, (c.gx, c.gy)) == TEST_PUB
    z = ref.z_value(c, TEST_ID, TEST_PUB)
    assert z.hex().upper() == TEST_Z
    e = int.from_bytes(sm.sm3(z + MESSAGE), "big")
    assert f"{e:064X}" == TEST_E
    assert ref.sign_with_k(c, TEST_D, e, TEST_K) == (TEST_R, TEST_S)
    assert ref.verify(c, TEST_PUB, e, TEST_R, TEST_S)
    assert not ref.verify(c, TEST_PUB, e + 1, TEST_R, TEST_S)


def test_malformed_public_key_is_refused_with_a_chinese_message():
    with pytest.raises(ValueError, match="公钥"):
        sm.normalise_public_key("04abcd")
    assert not sm.verify("04" + "00" * 64, MESSAGE, bytes.fromhex(REC_SIG))
