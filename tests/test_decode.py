from __future__ import annotations

import codecs

import pytest

from podium.errors import PodiumError
from podium.ingest.decode import decode

SPEECH = "Señor Präsident, the “Resistance” réunion cost 5 € — naïve claims."


@pytest.mark.parametrize(
    ("data", "expected_encoding"),
    [
        (SPEECH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SPEECH.encode("utf-8"), "utf-8"),
        (SPEECH.encode("utf-16"), "utf-16-le"),
        (SPEECH.encode("utf-16-le"), "utf-16-le"),
        (SPEECH.encode("utf-16-be"), "utf-16-be"),
        (SPEECH.encode("cp1252"), "cp1252"),
    ],
)
def test_common_encodings(data: bytes, expected_encoding: str) -> None:
    text, encoding = decode(data, "speech.txt")
    assert text == SPEECH
    assert encoding.replace("_", "-").lower() == expected_encoding


def test_cyrillic_legacy_encoding() -> None:
    text = "Министр заявил, что более 300 сёл были разрушены за последний год. " * 3
    decoded, _ = decode(text.encode("cp1251"), "ru.txt")
    assert decoded == text


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        b"\x7fELF\x02\x01" + b"\x00" * 50,
        b"abc\x00\x01\x02\x03def\x00" * 20,
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(PodiumError) as info:
        decode(data, "x.txt")
    assert info.value.code == "E004"


def test_undecodable_is_refused() -> None:
    with pytest.raises(PodiumError) as info:
        decode(codecs.BOM_UTF8 + b"valid then \xff\xfe\xfa broken", "x.txt")
    assert info.value.code == "E006"
