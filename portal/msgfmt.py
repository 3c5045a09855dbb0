"""A small pure-Python msgfmt: compiles the portal's gettext catalogues
(locale/*/LC_MESSAGES/*.po) into the .mo files Django reads, so that neither CI
nor serve.sh needs GNU gettext. `manage.py compile_translations` writes them;
tests/pages/test_i18n.py checks that the committed .mo files match their .po.

Handles what the portal's catalogues use: msgctxt, msgid, msgid_plural,
msgstr / msgstr[n], multi-line strings, the usual escapes, and skips fuzzy
and obsolete (#~) entries, as msgfmt does.
"""
from __future__ import annotations

import ast
import struct
from pathlib import Path


def parse_po(text: str) -> dict[str, str]:
    """{key: translation} of a .po file's translated entries; the key is
    msgid, "ctxt\\x04msgid" with a context, "msgid\\x00plural" for plurals
    (their translations joined with NUL). The header entry has key ''."""
    entries: list[dict] = []
    cur: dict = {"flags": set()}
    field = None

    def finish():
        nonlocal cur, field
        if "msgid" in cur:
            entries.append(cur)
        cur, field = {"flags": set()}, None

    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#~"):
            continue
        if line.startswith("#,"):
            if field and field.startswith("msgstr"):
                finish()
            cur["flags"] |= {f.strip() for f in line[2:].split(",")}
            continue
        if not line or line.startswith("#"):
            if not line and field and field.startswith("msgstr"):
                finish()
            continue
        if line.startswith('"'):
            cur[field] += ast.literal_eval(line)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and field and field.startswith("msgstr"):
            finish()
        field = keyword
        cur[field] = ast.literal_eval(rest.strip())
    finish()

    messages: dict[str, str] = {}
    for e in entries:
        if "fuzzy" in e["flags"] and e["msgid"]:
            continue
        key = e["msgid"]
        if "msgid_plural" in e:
            key = f"{key}\x00{e['msgid_plural']}"
            forms, i = [], 0
            while f"msgstr[{i}]" in e:
                forms.append(e[f"msgstr[{i}]"])
                i += 1
            value, translated = "\x00".join(forms), any(forms)
        else:
            value = e.get("msgstr", "")
            translated = bool(value)
        if "msgctxt" in e:
            key = f"{e['msgctxt']}\x04{key}"
        if translated:
            messages[key] = value
    return messages


def mo_bytes(messages: dict[str, str]) -> bytes:
    """The GNU .mo file of `messages` (no hash table, as msgfmt --no-hash)."""
    keys = sorted(messages)
    ids = [k.encode("utf-8") for k in keys]
    strs = [messages[k].encode("utf-8") for k in keys]
    n = len(keys)
    header_size = 7 * 4
    ids_table = header_size
    strs_table = ids_table + n * 8
    data_start = strs_table + n * 8
    offsets_ids, offsets_strs, blob = [], [], b""
    for s in ids:
        offsets_ids.append((len(s), data_start + len(blob)))
        blob += s + b"\0"
    for s in strs:
        offsets_strs.append((len(s), data_start + len(blob)))
        blob += s + b"\0"
    out = struct.pack("<7I", 0x950412DE, 0, n, ids_table, strs_table, 0, 0)
    out += b"".join(struct.pack("<2I", length, offset) for length, offset in offsets_ids)
    out += b"".join(struct.pack("<2I", length, offset) for length, offset in offsets_strs)
    return out + blob


def compile_file(po: Path) -> bytes:
    return mo_bytes(parse_po(Path(po).read_text(encoding="utf-8")))


def catalogues(root: Path) -> list[Path]:
    return sorted(Path(root).glob("*/LC_MESSAGES/*.po"))


def compile_all(root: Path) -> list[Path]:
    """Write every .po under root (locale/) to its .mo; returns the .mo paths written."""
    written = []
    for po in catalogues(root):
        mo = po.with_suffix(".mo")
        data = compile_file(po)
        if not mo.exists() or mo.read_bytes() != data:
            mo.write_bytes(data)
            written.append(mo)
    return written
