"""decode stage: bytes → (text, encoding); only non-text is an error."""
import pytest

from measures.parsing import decode as D
from measures.parsing.decode import Decoded, decode_bytes
from measures.parsing.errors import ParseError

from ..conftest import DATA

SIMPLIFIED = "沈阳市知识产权保护工作方案\n一、重点任务\n1.加强行政执法。开展专项行动，严厉打击侵权假冒。\n"
TRADITIONAL = "珠海市知識產權保護辦法\n第一條 為加強知識產權保護，制定本辦法。\n第二條 市市場監管局負責統籌協調。\n"


@pytest.mark.parametrize("data, encoding", [
    (SIMPLIFIED.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf-8"),
    (SIMPLIFIED.encode("utf-16"), "utf-16-le"),  # BOM + little-endian
    (b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), "utf-16-be"),
    (SIMPLIFIED.encode("utf-32"), "utf-32-le"),
    (SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),  # no BOM
    (SIMPLIFIED.encode("utf-16-be"), "utf-16-be"),
    (SIMPLIFIED.encode("gbk"), "gb18030"),
    (SIMPLIFIED.encode("gb18030"), "gb18030"),
    (SIMPLIFIED.replace("\n", "\r\n").encode("gbk"), "gb18030"),
    (b"\xef\xbb\xbf" + SIMPLIFIED.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    (SIMPLIFIED.replace("\n", "\r").encode("utf-8"), "utf-8"),
    ("\ufeff" + SIMPLIFIED, "unicode"),
])
def test_every_encoding_of_the_same_text_decodes_to_the_same_text(data, encoding):
    assert decode_bytes(data) == Decoded(SIMPLIFIED, encoding)


def test_big5_without_a_declared_charset_is_not_read_as_gb18030():
    data = TRADITIONAL.encode("big5")
    assert data.decode("gb18030", errors="replace") != TRADITIONAL  # the trap: GB18030 accepts these bytes
    got = decode_bytes(data)
    assert got.text == TRADITIONAL and got.encoding in ("cp950", "big5hkscs")


def test_big5_file_of_the_test_set_without_charset():
    text = (DATA / "traditional.txt").read_text("utf-8")
    assert decode_bytes(text.encode("cp950")).text == text.replace("\r\n", "\n")


def test_big5_html_with_declared_charset():
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body><p>{TRADITIONAL}</p></body></html>'
    got = decode_bytes(page.encode("cp950"))
    assert TRADITIONAL in got.text and got.encoding == "cp950"


def test_a_declared_gb2312_page_that_is_utf8_is_read_as_utf8():
    page = f'<meta charset="gb2312"><p>{SIMPLIFIED}</p>'
    assert decode_bytes(page.encode("utf-8")).encoding == "utf-8"


def test_gbk_test_file_and_stray_nul_bytes():
    raw = (DATA / "gbk_draft.txt").read_bytes()
    assert decode_bytes(raw).encoding == "gb18030"
    assert "\x00" not in decode_bytes(SIMPLIFIED.encode("utf-8").replace("。".encode(), "。\x00".encode())).text


def test_a_file_cut_inside_its_last_character_is_still_text():
    got = decode_bytes(SIMPLIFIED.encode("utf-8") + "权".encode("utf-8")[:2])
    assert got.encoding == "utf-8" and got.text.startswith(SIMPLIFIED)


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \r\n\t ", "empty"),
    ("\ufeff \n", "empty"),
    (b"%PDF-1.7\x00\x01\x02", "PDF"),
    (b"PK\x03\x04rest", "ZIP"),
    (b"\x00\x01\x02\x03" * 50, "binary"),
    (bytes(range(256)) * 4, "binary"),
])
def test_non_text_is_refused_with_a_reason(data, reason):
    with pytest.raises(ParseError) as exc:
        decode_bytes(data)
    assert reason in exc.value.reason


RULE_CASES = [
    (D.bom, "知识产权".encode("utf-16"), ("知识产权", "utf-16-le")),
    (D.bom, "知识产权".encode("utf-8"), None),
    (D.utf16_without_bom, "知识产权\n".encode("utf-16-le"), ("知识产权\n", "utf-16-le")),
    (D.utf16_without_bom, "第一条\n".encode("utf-8"), None),  # near miss: no NUL at all
    (D.utf8, "知识产权".encode("utf-8"), ("知识产权", "utf-8")),
    (D.utf8, "知识产权".encode("gbk") * 3, None),
    (D.declared_charset, '<meta charset="big5">智慧財產權'.encode("big5"), ('<meta charset="big5">智慧財產權', "cp950")),
    (D.declared_charset, "<p>智慧財產權</p>".encode("big5"), None),  # near miss: nothing declared
    (D.guessed_chinese, TRADITIONAL.encode("big5"), (TRADITIONAL, "cp950")),
    (D.guessed_chinese, SIMPLIFIED.encode("gbk"), (SIMPLIFIED, "gb18030")),
    (D.binary_magic, "知识产权".encode("utf-8"), None),
]


@pytest.mark.parametrize("fn, data, expected", RULE_CASES, ids=lambda v: getattr(v, "__name__", None))
def test_decode_rules(fn, data, expected):
    got = fn(data)
    assert (None if got is None else (got.text, got.encoding)) == expected


@pytest.mark.parametrize("fn, data, reason", [
    (D.binary_magic, b"%PDF-1.4", "PDF"),
    (D.binary_magic, b"\x89PNG\r\n", "PNG"),
    (D.control_bytes, b"\x00\x01\x02\x03" * 50, "control bytes"),
    (D.control_bytes, "知识产权".encode("utf-8") * 20 + b"\x00", None),  # a stray NUL is no binary file
    (D.control_bytes, b"a\tb\r\nc\x0c", None),
])
def test_binary_rules(fn, data, reason):
    if reason is None:
        assert fn(data) is None
    else:
        with pytest.raises(ParseError, match=reason):
            fn(data)


def test_han_ratio():
    assert D.han_ratio("知识产权, ok") == 1.0
    assert D.han_ratio("いろは知") == 0.25
    assert D.han_ratio("ascii only") == 0.0
