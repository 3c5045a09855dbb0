"""Server-rendered SVG charts (no script, no inline style: the pages' CSP allows
neither). Pure functions: data in, markup out (every label escaped).

Charts are drawn at their natural size in CSS pixels (text 12–14 px) and sit in
a container that scrolls sideways when the screen is narrower (a timeline of
many years on a phone) or shrink only slightly (the tile map), so that Chinese
labels stay readable at 390 px as at 1366 px. Every chart has a <title> and
<desc>, and the page puts the same numbers in a table beside it.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, gettext_noop

INK = "#1d2430"
MUTED = "#6b7585"
LINE = "#dde2ea"
ACCENT = "#b4281e"       # --accent / --heat-color of portal.css
SECOND = "#1f5fa8"       # --blue
EMPTY = "#eef1f5"
FONT = "system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif"


def _e(value) -> str:
    return escape(str(value), quote=True)


def _mix(c1: str, c2: str, t: float) -> str:
    t = min(max(t, 0.0), 1.0)
    a = [int(c1[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(c2[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b))


def heat_colour(value: float, maximum: float) -> str:
    """A sequential colour from pale to the seal red (0 → EMPTY)."""
    if not value or maximum <= 0:
        return EMPTY
    return _mix("#f7d9d6", ACCENT, (value / maximum) ** 0.7)


def _nice_step(value: float) -> int:
    """The smallest 1, 2 or 5 × 10^k (an integer) at least `value`."""
    if value <= 1:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return int(step * magnitude)
    return int(10 * magnitude)


def _axis(maximum: int, ticks: int = 4) -> tuple[int, int]:
    """(top, step) of a value axis: integer ticks of a round step, top the first
    tick at or above the maximum (at most `ticks` steps)."""
    step = _nice_step(max(maximum, 1) / ticks)
    top = step * max(1, -(-max(maximum, 1) // step))
    return top, step


def _svg(width: int, height: int, title: str, desc: str, body: list[str], css_class: str) -> SafeString:
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css_class}" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" font-family="{_e(FONT)}" '
        f'aria-labelledby="{css_class}-t {css_class}-d">'
        f'<title id="{css_class}-t">{_e(title)}</title><desc id="{css_class}-d">{_e(desc)}</desc>'
        + "".join(body) + "</svg>")


# --- columns over time ------------------------------------------------------------------

@dataclass
class Column:
    label: str          # 2024, 2024-03
    primary: int        # measures
    secondary: int      # documents
    href: str = ""
    short: str = ""     # label under the column (defaults to label)
    group: str = ""     # a second label line, drawn where it changes (the year under months)


def _text_width(text: str, size: float) -> int:
    """The drawn width of a label, estimated: a CJK character is 1 em, other characters about 0.6 em."""
    return round(sum(size if ord(ch) > 0x2e80 else size * 0.6 for ch in str(text)))


def columns_chart(columns: list[Column], *, title: str, primary_label: str = gettext_noop("措施"),
                  secondary_label: str = gettext_noop("文件"), css_class: str = "timeline-chart") -> SafeString:
    """Paired columns (primary: red, secondary: blue) per period, y axis with
    ticks, a legend, each pair a link when href is set."""
    # labels in the interface language (portal.i18n); the defaults and titles are msgids
    title, primary_label, secondary_label = gettext(title), gettext(primary_label), gettext(secondary_label)
    slot = 34 if len(columns) > 12 else 44
    grouped = any(c.group for c in columns)
    left, right, top, bottom = 44, 12, 30, 52 if grouped else 34
    plot_h = 160
    width = max(320, left + right + slot * max(len(columns), 1))
    height = top + plot_h + bottom
    top_value, step = _axis(max([c.primary for c in columns] + [c.secondary for c in columns] + [1]))
    body = []
    # legend: the second key after the first label's width (English labels are longer than Chinese)
    second = left + max(64, 16 + _text_width(primary_label, 12) + 14)
    body.append(f'<g font-size="12" fill="{INK}"><rect x="{left}" y="8" width="12" height="12" fill="{ACCENT}"/>'
                f'<text x="{left + 16}" y="18">{_e(primary_label)}</text>'
                f'<rect x="{second}" y="8" width="12" height="12" fill="{SECOND}"/>'
                f'<text x="{second + 16}" y="18">{_e(secondary_label)}</text></g>')
    # axis and grid
    for v in range(0, top_value + 1, step):
        y = top + plot_h - plot_h * v / top_value
        label = str(v)
        body.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{LINE}"/>'
                    f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" fill="{MUTED}" text-anchor="end">{label}</text>')
    label_every = 1 if slot >= 40 or len(columns) <= 10 or grouped else (2 if len(columns) <= 24 else 5)
    bar_w = (slot - 10) / 2
    previous_group = None
    for i, c in enumerate(columns):
        if c.group and c.group != previous_group:
            x = left + i * slot + 2
            body.append(f'<line x1="{x - 2}" x2="{x - 2}" y1="{top + plot_h}" y2="{top + plot_h + 40}" stroke="{LINE}"/>'
                        f'<text x="{x}" y="{top + plot_h + 36}" font-size="12" font-weight="600" fill="{INK}">'
                        f'{_e(c.group)}</text>')
            previous_group = c.group
        x0 = left + i * slot + 5
        h1 = plot_h * c.primary / top_value
        h2 = plot_h * c.secondary / top_value
        tip = f"{c.label}:{primary_label} {c.primary},{secondary_label} {c.secondary}"
        bars = (f'<rect x="{x0:.1f}" y="{top + plot_h - h1:.1f}" width="{bar_w:.1f}" height="{h1:.1f}" fill="{ACCENT}"/>'
                f'<rect x="{x0 + bar_w:.1f}" y="{top + plot_h - h2:.1f}" width="{bar_w:.1f}" height="{h2:.1f}" '
                f'fill="{SECOND}"/>'
                f'<rect x="{x0 - 4:.1f}" y="{top}" width="{slot:.1f}" height="{plot_h}" fill="transparent"/>')
        label = ""
        if i % label_every == 0 or i == len(columns) - 1:
            label = (f'<text x="{x0 + bar_w:.1f}" y="{top + plot_h + 16}" font-size="12" fill="{INK}" '
                     f'text-anchor="middle">{_e(c.short or c.label)}</text>')
        group = f'<g class="col"><title>{_e(tip)}</title>{bars}{label}</g>'
        if c.href:
            group = f'<a href="{_e(c.href)}" aria-label="{_e(tip)}">{group}</a>'
        body.append(group)
    body.append(f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="{MUTED}"/>')
    desc = (";".join(f"{c.label} {primary_label}{c.primary} {secondary_label}{c.secondary}" for c in columns)
            or gettext("无数据"))
    return _svg(width, height, title, desc, body, css_class)


# --- tile grid map of China's provinces ---------------------------------------------------

# One equal square per province in its rough geographic position (no boundary data):
# adcode -> (column, row, short label).
PROVINCE_TILES = {
    230000: (6, 0, "黑龙江"),
    150000: (3, 1, "内蒙古"), 110000: (4, 1, "北京"), 220000: (6, 1, "吉林"),
    650000: (0, 2, "新疆"), 620000: (1, 2, "甘肃"), 640000: (2, 2, "宁夏"), 140000: (3, 2, "山西"),
    130000: (4, 2, "河北"), 120000: (5, 2, "天津"), 210000: (6, 2, "辽宁"),
    540000: (0, 3, "西藏"), 630000: (1, 3, "青海"), 610000: (2, 3, "陕西"), 410000: (3, 3, "河南"),
    370000: (4, 3, "山东"), 320000: (5, 3, "江苏"),
    510000: (1, 4, "四川"), 500000: (2, 4, "重庆"), 420000: (3, 4, "湖北"), 340000: (4, 4, "安徽"),
    310000: (5, 4, "上海"),
    530000: (1, 5, "云南"), 520000: (2, 5, "贵州"), 430000: (3, 5, "湖南"), 360000: (4, 5, "江西"),
    330000: (5, 5, "浙江"),
    450000: (2, 6, "广西"), 440000: (3, 6, "广东"), 350000: (4, 6, "福建"), 710000: (5, 6, "台湾"),
    460000: (2, 7, "海南"), 820000: (3, 7, "澳门"), 810000: (4, 7, "香港"),
}
TILE = 56
GAP = 4


@dataclass
class Tile:
    region_id: int
    name: str          # full name, for labels
    value: int
    href: str = ""
    selected: bool = False


def tile_map(tiles: list[Tile], *, title: str, unit: str) -> SafeString:
    """The provinces as equal squares coloured by value; each a link."""
    cols = max(c for c, _, _ in PROVINCE_TILES.values()) + 1
    rows = max(r for _, r, _ in PROVINCE_TILES.values()) + 1
    width, height = cols * (TILE + GAP) + GAP, rows * (TILE + GAP) + GAP
    by_id = {t.region_id: t for t in tiles}
    maximum = max([t.value for t in tiles] + [0])
    body = []
    for region_id, (col, row, short) in PROVINCE_TILES.items():
        t = by_id.get(region_id) or Tile(region_id, short, 0)
        x, y = GAP + col * (TILE + GAP), GAP + row * (TILE + GAP)
        fill = heat_colour(t.value, maximum)
        dark = t.value and maximum and (t.value / maximum) ** 0.7 > 0.5
        ink = "#ffffff" if dark else INK
        stroke = f' stroke="{INK}" stroke-width="3"' if t.selected else ""
        name_size = 13 if len(short) <= 2 else 11
        label = f"{t.name}:{t.value} {unit}"
        tile = (f'<g class="tile"><title>{_e(label)}</title>'
                f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="4" fill="{fill}"{stroke}/>'
                f'<text x="{x + TILE / 2}" y="{y + 23}" font-size="{name_size}" fill="{ink}" text-anchor="middle">'
                f'{_e(short)}</text>'
                f'<text x="{x + TILE / 2}" y="{y + 43}" font-size="13" font-weight="600" fill="{ink}" '
                f'text-anchor="middle">{t.value}</text></g>')
        if t.href and t.value:
            tile = f'<a href="{_e(t.href)}" aria-label="{_e(label)}">{tile}</a>'
        body.append(tile)
    desc = ";".join(f"{t.name} {t.value}" for t in sorted(tiles, key=lambda t: -t.value) if t.value) or gettext("无数据")
    return _svg(width, height, title, desc, body, "tile-map")


# --- ranked horizontal bars ---------------------------------------------------------------

@dataclass
class Bar:
    label: str
    value: int
    href: str = ""
    note: str = ""


def bar_chart(bars: list[Bar], *, title: str, unit: str, css_class: str = "bar-chart") -> SafeString:
    """Horizontal bars, largest first as given; label left, value right."""
    label_w, value_w, bar_max, row = 96, 48, 220, 26
    width = label_w + bar_max + value_w + 8
    height = max(row * len(bars), row) + 8
    maximum = max([b.value for b in bars] + [1])
    body = []
    for i, b in enumerate(bars):
        y = 4 + i * row
        w = bar_max * b.value / maximum
        label = b.label if len(b.label) <= 7 else b.label[:6] + "…"
        tip = f"{b.label}:{b.value} {unit}{(',' + b.note) if b.note else ''}"
        g = (f'<g class="bar"><title>{_e(tip)}</title>'
             f'<text x="{label_w - 6}" y="{y + 17}" font-size="13" fill="{INK}" text-anchor="end">{_e(label)}</text>'
             f'<rect x="{label_w}" y="{y + 4}" width="{max(w, 1):.1f}" height="{row - 8}" rx="2" fill="{ACCENT}"/>'
             f'<text x="{label_w + w + 6:.1f}" y="{y + 17}" font-size="12" fill="{INK}">{b.value}</text></g>')
        if b.href:
            g = f'<a href="{_e(b.href)}" aria-label="{_e(tip)}">{g}</a>'
        body.append(g)
    desc = ";".join(f"{b.label} {b.value}" for b in bars) or gettext("无数据")
    return _svg(width, height, title, desc, body, css_class)
