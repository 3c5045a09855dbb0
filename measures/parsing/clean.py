"""Stage 2, clean: the decoded page → plain text of the document.

HTML markup out (the page's <title> kept aside), task-division tables turned
into numbered lines, full-width digits and letters made ASCII, mirror-site
pinyin glosses removed, one kind of space.
"""
from __future__ import annotations

import html
import re

from . import lexicon as L
from . import patterns as P
from . import text as T
from .context import ParseContext, rule

MAX_CHARS = 3_000_000  # documents longer than this are cut (the genre never needs more)

# --- HTML ---------------------------------------------------------------------------------
HTML_SNIFF = re.compile(r"<(?:!doctype|html|body|div|p|table|td|br|span|meta)\b", re.I)
# any element with attributes or a closing tag: a scraped page's debris ("<legend id="h4sia"></legend>")
ANY_TAG = re.compile(r"</[a-z][a-z0-9]{0,11}\s*>|<[a-z][a-z0-9]{0,11}(?:\s+[a-z-]+=\"[^\"<>]*\")+\s*/?>", re.I)
ANY_TAG_MIN = 6
DROP_BLOCKS = re.compile(r"<(script|style|noscript|iframe|svg|select|button|textarea)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)
HEAD_TAG = re.compile(r"<head\b.*?</head\s*>", re.I | re.S)
BREAKS = re.compile(r"<\s*(?:br|hr)\b[^>]*>|</?\s*(?:p|div|li|ul|ol|tr|table|tbody|thead|h[1-6]|section|article|"
                    r"header|footer|nav|dd|dt|dl|blockquote|pre|form|center)\b[^>]*>", re.I)
CELL_TAGS = re.compile(r"</?\s*(?:td|th)\b[^>]*>", re.I)
TAGS = re.compile(r"<[^>]{0,2000}>")
TABLE = re.compile(r"<table\b.*?</table\s*>", re.I | re.S)
NESTED_TABLE = re.compile(r"<table\b", re.I)
ROW = re.compile(r"<tr\b.*?(?:</tr\s*>|(?=<tr\b)|$)", re.I | re.S)
DATA_ROW = re.compile(r"<tr\b.*?</tr\s*>", re.I | re.S)
CELL = re.compile(r"<t[dh]\b[^>]*>(.*?)(?:</t[dh]\s*>|(?=<t[dh]\b)|$)", re.I | re.S)
CELL_BLOCKS = re.compile(r"</?(?:p|div|br|h[1-6])\b[^>]*>|\n", re.I)

# --- task-division tables ------------------------------------------------------------------
TASK_HEAD = re.compile("|".join(L.TABLE_TASK_HEADS))
ROLE_HEADS = (("牵头单位", re.compile("|".join(L.TABLE_LEAD_HEADS))), ("配合单位", re.compile("|".join(L.TABLE_SUPPORT_HEADS))),
              ("责任单位", re.compile("|".join(L.TABLE_PLAIN_HEADS))))
DUE_HEAD = re.compile("|".join(L.TABLE_DUE_HEADS))
NAME_HEAD = re.compile("|".join(L.TABLE_NAME_HEADS))
SECTION_ROW = re.compile(rf"{P.CN_SMALL}、.{{2,40}}")
SECTION_ROW_START = re.compile(rf"^\s*{P.CN_SMALL}、")
EMPTY_CELLS = ("/", "—", "-")

# --- text ----------------------------------------------------------------------------------
# mirror sites insert pinyin after polyphonic characters: 知識產(chǎn)權, 爲(wéi / wèi), 一(yī / yì /yí)
PINYIN_SYLLABLE = "[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[1-5]?"
PINYIN = re.compile(rf"[(（](?<=[{P.HAN_ANY}][(（])\s?{PINYIN_SYLLABLE}(?:\s?/\s?{PINYIN_SYLLABLE}){{0,3}}\s?[)）]")
SPACES = re.compile(f"[{P.SPACE_CHARS}\xa0]+")
TABS = re.compile(f"[{P.SPACE_CHARS}]*\\t[\\s\\t]*?(?=\\S|\\n|$)")  # a tab separates cells: one per gap
FULL_WIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)},
                            **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
                            **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
                            "\ufeff": "", "\u200b": "", "\r": "\n"})
NEEDS_WIDTH_FIX = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\ufeff\u200b\r]")
# one-character item numbers: ㈠…㈩ (parenthesized ideographs), ⒈…⒛ (digit full stops). ⑴…⒇ stay as
# written: on real pages they list things inside an item ("保存以下材料: ⑴…"), where (1) would open items
ENCLOSED_NUMBERS = str.maketrans({**{chr(0x3220 + i): f"({c})" for i, c in enumerate("一二三四五六七八九十")},
                                  **{chr(0x2488 + i): f"{i + 1}." for i in range(20)}})
NEEDS_ENCLOSED_FIX = re.compile("[\u3220-\u3229\u2488-\u249b]")
# "⑴强化招商意识。" opening a line (U+2474…U+2487), and any other item number opening a line
PAREN_DIGIT_LINE = re.compile(r"^[ \u3000]*([\u2474-\u2487])", re.M)
OTHER_NUMBER_LINE = re.compile(rf"^[ \u3000]*(?:{P.ITEM_NUMBER})", re.M)
FLAT_LINE = re.compile(r"[^\n]{300,}")
# scraper separators and spam symbols that mirror sites scatter through the text
SEPARATOR_RUNS = re.compile(r"@{2,}")
WATERMARK = re.compile(rf"(?:{P.alternation(L.DOC_SHARE_WATERMARK_LEADS)})?-*(?:{P.alternation(L.DOC_SHARE_WATERMARKS)})")
SPAM_SYMBOLS = "™♠♥♣♦✔✘☆★÷₩¥$↕¶©αβγδεζλμπρσφψωΩ≥≤<>'"
# a forum's anti-copy jammer: runs of one- and two-character ASCII tokens ("0 N* Q, G& X8 o. O' h") at a
# line's head or end or between Han characters (forum_jammer)
_JAM_TOKEN = r"[\x21-\x7e]{1,2}"
JAMMER = re.compile(rf"(?:^|(?<=[{P.HAN}。，,；;：:）)]))[ \t]*(?:{_JAM_TOKEN}[ \t]){{3,}}{_JAM_TOKEN}(?=[ \t]|$|[{P.HAN}])", re.M)
JAM_PUNCT = re.compile(r"[!-/:-@\[-`{-~]")
JAM_ALNUM = re.compile(r"[0-9A-Za-z]")
SPAM_RUN = re.compile(rf"(?<=[{P.HAN})）])[{re.escape(SPAM_SYMBOLS)}]+(?=[{P.HAN}])")
SPAM_GLOSS = re.compile(rf"(?<=[{P.HAN_ANY}])([(（])([^()（）\n]{{1,16}})([)）])")
PINYIN_LETTERS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# "二OO九年", "二ΟΟ一年" (Latin or Greek capital O for 〇 in a year written in Chinese numerals)
CN_YEAR_O = re.compile(r"(?<=[一二])[〇○零OΟ]{1,3}(?=[〇○零OΟ一二三四五六七八九]{0,2}年)")
# "5O万元", "1OO%", "2O2O年": a Latin (or Greek) capital O typed for the digit 0 after a digit
LETTER_O_DIGIT = re.compile(r"(?<=\d)[OΟ]+(?=[\d万%％元千亿年])")
# "达到3 5 0件", "的3 0%以上": an OCR'd figure with a space between its digits, a unit or % after it
SPACED_DIGITS = re.compile(rf"(?<=[{P.HAN}，,、；;：:（(])(\d(?: \d){{1,5}})(?= ?(?:[%％‰]|[{P.HAN}]))")
SPACED_DIGITS_MIN = 2  # spaced_digits: so many on the page at least (one may be two numbers side by side)
INDENT = re.compile(r"(?<=\S)\u3000{2,}(?=\S)")
# markup left in a page's text: an entity written out, or with its & decoded to "?" ("?nbsp;"), and a
# closing tag whose "<" a wrong decoding ate into the character before it ("检查时闳/p>")
STRAY_ENTITY = re.compile(rf"[&?](?P<name>{'|'.join(L.STRAY_ENTITIES)});")
STRAY_TAG_END = re.compile(r"(?<![<A-Za-z0-9.])/(?:p|span|div|td|tr|li|font|strong|b)>", re.I)


def clean(ctx: ParseContext) -> None:
    """ctx.text: the page as plain text; ctx.page_title, ctx.simplified_only and ctx.script set."""
    text = ctx.text
    if html_page(text):
        ctx.page_title = page_title(text)
        text = html_to_text(text)
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        ctx.warn(f"text cut at {MAX_CHARS:,} characters")
    if "/" in text or ";" in text:
        text = stray_markup(text)
    ctx.text = tab_task_tables(normalise_text(cell_line_tables(pipe_task_tables(space_task_tables(text)))))  # empty cells: double spaces
    # a document without a single Traditional character needs no folding at all
    ctx.simplified_only = not T.has_traditional(ctx.text)
    # a Japanese translation's kanji are no Traditional Chinese (b513 004, 005): the script is the Chinese lines'
    own = "\n".join(line for line in ctx.text.split("\n") if not T.translation_line(line)) \
        if T.KANA.search(ctx.text) else ctx.text
    ctx.script = "hans" if ctx.simplified_only else T.detect_script(own)  # hant needs Traditional characters
    if sum(1 for _ in zip(range(20), T.HAN.finditer(ctx.text, 0, 50000))) < 20:  # counting stops at 20
        ctx.warn("little Chinese text")


@rule(stage="clean", example="'<html><body><p>…</p></body></html>' → True")
def html_page(text: str) -> bool:
    """An HTML page: at least three tags of the usual page elements in its first 20,000 characters, or
    markup debris of any elements (ANY_TAG_MIN tags with attributes or closing tags: "<legend id="h4sia"></legend>")."""
    head = text[:20000]
    return len(HTML_SNIFF.findall(head)) >= 3 or ("</" in head and len(ANY_TAG.findall(head)) >= ANY_TAG_MIN)


@rule(stage="clean", example="'<title>沈阳市…方案_政策文件</title>' → '沈阳市…方案_政策文件'")
def page_title(page: str) -> str | None:
    """The content of the page's <title>, tags and entities resolved."""
    m = TITLE_TAG.search(page)
    return normalise_text(html.unescape(TAGS.sub("", m.group(1)))).strip() or None if m else None


def html_to_text(page: str) -> str:
    """Markup out: block elements break lines, table cells become tabs."""
    if "<table" in page or "<TABLE" in page:
        page = TABLE.sub(_task_table_html, page)
        page = DATA_ROW.sub(lambda m: data_row(m.group()), page)
    page = DROP_BLOCKS.sub(" ", page)
    page = HEAD_TAG.sub("\n", page)
    page = BREAKS.sub("\n", page)
    page = CELL_TAGS.sub("\t", page)
    return html.unescape(TAGS.sub("", page))


@rule(stage="clean", example="'<tr><td><p>1</p></td><td><p>加强…</p></td></tr>' → '<tr><td>1</td><td>加强…</td></tr>'")
def data_row(row: str) -> str:
    """A data row's cells (Word exports put paragraphs in them) on one line; a layout row
    (a whole page in a <td>, or a nested table) is left alone."""
    if len(TAGS.sub("", row)) > 300 or NESTED_TABLE.search(row[3:]):
        return row
    return CELL_BLOCKS.sub("", row)


def _cell_text(raw: str) -> str:
    return P.WHITESPACE.sub(" ", html.unescape(TAGS.sub(" ", raw))).strip()


def _task_table_html(match: "re.Match[str]") -> str:
    rows = [[_cell_text(c) for c in CELL.findall(r)] for r in ROW.findall(match.group())]
    out = task_table_lines(rows)
    return "\n" + "\n".join(f"<p>{line}</p>" for line in out) + "\n" if out else match.group()


@rule(stage="clean", example="['序号', '重点任务', '牵头单位'] → True")
def task_table_header(cells: list[str]) -> bool:
    """The header row of a task-division table: a task column and a responsibility column
    (Traditional headers too: 序號 主要任務 牽頭單位)."""
    cells = [T.fold_same_length(c) for c in cells]
    return any(TASK_HEAD.search(c) for c in cells) and any(rx.search(c) for c in cells for _, rx in ROLE_HEADS)


@rule(stage="clean", example="rows 序号|任务|牵头单位 / 1|加强执法|市公安局 → ['1.加强执法（牵头单位：市公安局）']")
def task_table_lines(rows: list[list[str]]) -> list[str] | None:
    """A task-division table as numbered lines with responsibility (and deadline) brackets;
    a row whose first cell is "一、…" is a section heading spanning the table."""
    rows = [r for r in rows if any(r)]
    head_i = next((i for i, r in enumerate(rows[:3]) if task_table_header(r)), None)
    if head_i is None:
        return None
    head = [T.fold_same_length(c) for c in rows[head_i]]
    task_col = next(i for i, c in enumerate(head) if TASK_HEAD.search(c))
    roles = []
    for label, rx in ROLE_HEADS:
        # "牵头责任单位" is the lead column; a plain "责任单位" after it is the next one
        col = next((i for i, c in enumerate(head) if rx.search(c) and i != task_col and all(i != u for _, u in roles)), None)
        if col is not None:
            roles.append((label, col))
    due_col = next((i for i, c in enumerate(head) if DUE_HEAD.search(c)), None)
    # "项目名称" beside "建设内容": the row's project is named before its task
    name_col = next((i for i, c in enumerate(head) if NAME_HEAD.fullmatch(c) and i != task_col), None)
    out = []
    for r in rows[head_i + 1:]:
        if len(r) != len(head) or not P.ROW_NUMBER.fullmatch(r[0] or ""):
            if r and SECTION_ROW.fullmatch(r[0] or ""):
                out.append(r[0])
            continue
        units = "；".join(f"{label}：{r[col]}" for label, col in roles if r[col] and r[col] not in EMPTY_CELLS)
        due = r[due_col] if due_col is not None and due_col < len(r) else ""
        named = f"{r[name_col]}：" if name_col is not None and r[name_col] and r[name_col] not in EMPTY_CELLS else ""
        out.append(f"{r[0]}.{named}{r[task_col]}" + (f"（{units}）" if units else "")
                   + (f"（完成时限：{due}）" if due and due not in EMPTY_CELLS else ""))
    return out or None


@rule(stage="clean", example="'序号\\t任务\\t牵头单位\\n1\\t加强执法\\t市公安局' → '1.加强执法（牵头单位：市公安局）'")
def tab_task_tables(text: str) -> str:
    """A task table pasted as text (one row a line, cells split by tabs) as numbered lines."""
    if "\t" not in text:
        return text
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        cells = [c.strip() for c in lines[i].split("\t")]
        if len(cells) >= 3 and task_table_header(cells):
            j = i + 1
            rows = [cells]
            while j < len(lines) and ("\t" in lines[j] or SECTION_ROW_START.match(lines[j]) or not lines[j].strip()):
                rows.append([c.strip() for c in lines[j].split("\t")])
                j += 1
            items = task_table_lines(rows)
            if items:
                out += items
                i = j
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


# a task table written one row a line, its cells between "|" ("| 一、… | (一)… | 1.加强… | 县农业农村局 | 11月底前 |")
PIPE_ROW_MIN_CELLS = 3
PIPE_SECTION_CELL = re.compile(rf"^(?:{P.CN_SMALL}、|{P.PAREN_OPEN}{P.CN_SMALL}{P.PAREN_CLOSE}).{{2,60}}$")
PIPE_ITEM_CELL = re.compile(r"^\d{1,3}\s*[.、．]")
PIPE_GAP = 2  # lines without a cell that may stand inside the table (a page's break)
PIPE_ROW_LINES = 3  # lines a row may be cut over
PIPE_ITEM_COMMA = re.compile(r"^(\d{1,3})\s*、")
PIPE_UNIT_SPACE = re.compile(rf"(?<=[{P.HAN}])\s+(?=[{P.HAN}])")


def _pipe_cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|") if c.strip()]


@rule(stage="clean", example="'| 工作目标 | 工作措施 | 责任单位 | 完成时限 |' / '| 一、加大治理力度 | 1.加强防控。 | 县农业局 | 11月底前 |' / "
                             "'| 2.开展行动。 | 县市场监管局 | 12月底前 |' → '一、加大治理力度' / '1.加强防控。（责任单位：县农业局）"
                             "（完成时限：11月底前）' / '2.开展行动。（责任单位：县市场监管局）（完成时限：12月底前）'")
def pipe_task_tables(text: str) -> str:
    """A task table written one row a line with "|" between its cells (b230 001, b253 003): a header of
    a task and a responsibility column, then rows whose cells line up with the header from the right
    (a cell that spans rows, 一、… or (一)…, stands only in the first row it spans). A row's section
    cells become heading lines; its item is the last cell before the responsibility columns that opens
    with 1. (and the cells after it), else the cells after a bare number, with the row's responsibility
    and deadline in brackets. A row cut over two lines
    (the first does not end with "|") is joined first."""
    if text.count("|") < 6:
        return text
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        head = _pipe_cells(lines[i]) if lines[i].count("|") >= PIPE_ROW_MIN_CELLS - 1 else []
        if len(head) < PIPE_ROW_MIN_CELLS or not task_table_header(head) or any(PIPE_ITEM_CELL.match(c) for c in head):
            out.append(lines[i])
            i += 1
            continue
        folded = [T.fold_same_length(c) for c in head]
        roles = [(label, len(head) - k) for label, rx in ROLE_HEADS for k, c in enumerate(folded) if rx.search(c)]
        roles = sorted({back: (label, back) for label, back in roles}.values(), key=lambda r: -r[1])
        due = next((len(head) - k for k, c in enumerate(folded) if DUE_HEAD.search(c)), None)
        task_back = max(back for _, back in roles) + 1  # the column just before the first responsibility column
        items, seen, j, gap, end = [], set(), i + 1, 0, i + 1
        while j < len(lines) and gap <= PIPE_GAP:
            row = lines[j]
            if "|" not in row:
                gap += 1
                j += 1
                continue
            k = 0
            while not row.rstrip().endswith("|") and j + 1 < len(lines) and k < PIPE_ROW_LINES:
                j, k = j + 1, k + 1
                row = row + " " + lines[j]  # a row cut over lines
            gap, j = 0, j + 1
            end = j  # lines after the last row stay
            cells = _pipe_cells(row)
            if len(cells) < task_back:  # the page ends inside the row: its item without the columns after
                at = next((n for n, c in enumerate(cells) if PIPE_ITEM_CELL.match(c)), None)
                if at is not None:
                    items.append(PIPE_ITEM_COMMA.sub(r"\1.", " ".join(cells[at:]), count=1))
                continue
            left = cells[:len(cells) - task_back + 1]  # the cells before the responsibility columns
            at = next((n for n in range(len(left) - 1, -1, -1) if PIPE_ITEM_CELL.match(left[n])), None)
            if at is not None:  # "1、…" as "1.…": a sharing site's page mark opens a long line with "1、"
                item = PIPE_ITEM_COMMA.sub(r"\1.", " ".join(left[at:]), count=1)
            else:
                at = next((n for n in range(len(left) - 2, -1, -1) if P.ROW_NUMBER.fullmatch(left[n])), None)
                if at is None:
                    continue
                item = f"{left[at]}." + " ".join(left[at + 1:])
            for c in left[:at]:
                if PIPE_SECTION_CELL.match(c) and c not in seen:
                    seen.add(c)
                    items.append(c)
            notes = "；".join(f"{label}：{PIPE_UNIT_SPACE.sub('、', cells[-back])}" for label, back in roles
                             if cells[-back] not in EMPTY_CELLS)  # "市规划局 市建设局": two units
            when = cells[-due] if due and len(cells) >= due and due < task_back and cells[-due] not in EMPTY_CELLS else ""
            items.append(item + (f"（{notes}）" if notes else "") + (f"（完成时限：{when}）" if when else ""))
        if sum(1 for x in items if PIPE_ITEM_CELL.match(x)) < 2:
            out.append(lines[i])
            i += 1
            continue
        out += items
        i = end
    return "\n".join(out)


# a table flattened to one cell a line ("序号 |", "重点工作 |", … then "1 |", the task, the leader, the unit …)
# a header label: Han words, perhaps a year or a unit in brackets ("2024年建设内容", "年度投资金额(万元)")
CELL_LINE_HEAD = re.compile(rf"^(?=.*[{P.HAN}]{{2}})[{P.HAN}\d()（）]{{2,14}}$")
CELL_LINE_NUMBER = re.compile(r"^\d{1,3}$")
CELL_LINE_MAX_HEAD = 8


@rule(stage="clean", example="'序号 |\\n重点工作 |\\n责任单位 |\\n1 |\\n优化营商环境。\\n招商局 |' → '1.优化营商环境。（责任单位：招商局）'")
def cell_line_tables(text: str) -> str:
    """A task table flattened to one cell a line (a "|" after each cell, or blank lines between them):
    a header of 序号 and three to eight short labels with a task and a responsibility column, then rows
    that each open with a bare number line and hold one line a cell. The rows become numbered lines
    with their units in a bracket (task_table_lines); a row whose cells do not add up ends the table."""
    if "序号" not in text and "序號" not in text:
        return text
    lines = text.split("\n")
    cells = [(i, line.strip().rstrip("|｜").strip()) for i, line in enumerate(lines) if line.strip()]
    out_lines, k = list(lines), 0
    replaced: list[tuple[int, int, list[str]]] = []
    while k < len(cells):
        i, cell = cells[k]
        if T.fold_same_length(cell) != "序号":
            k += 1
            continue
        head = [cell]
        j = k + 1
        while j < len(cells) and len(head) < CELL_LINE_MAX_HEAD and CELL_LINE_HEAD.match(P.WHITESPACE.sub("", cells[j][1])) \
                and not CELL_LINE_NUMBER.match(cells[j][1]):
            head.append(P.WHITESPACE.sub("", cells[j][1]))  # "分 管 县领导": a letter-spaced label
            j += 1
        while j < len(cells) and not cells[j][1]:   # a "|" line alone after the header
            j += 1
        if len(head) < 3 or not task_table_header(head) or j >= len(cells) or not CELL_LINE_NUMBER.match(cells[j][1]):
            k += 1
            continue
        rows, end, number = [head], j, int(cells[j][1])
        while j < len(cells) and cells[j][1] == str(number):   # each row opens with the next number
            row = [cells[j][1]]
            j += 1
            number += 1
            # a row's cells, numbers among them ("300" 万元), up to the next row's number
            while j < len(cells) and len(row) < len(head) and cells[j][1] != str(number):
                row.append(cells[j][1])
                j += 1
            if len(row) != len(head) and j >= len(cells) and len(rows) > 1 and len(row) > len(head) // 2:
                row += [""] * (len(head) - len(row))   # the page cut inside its last row
            if len(row) != len(head):
                break
            rows.append(row)
            end = j
            while j < len(cells) and not cells[j][1]:   # a "|" line alone between two rows
                j += 1
        items = task_table_lines(rows) if len(rows) > 1 else None
        if items:
            replaced.append((i, cells[end - 1][0], items))
        k = max(end, k + 1)
    for start, stop, items in reversed(replaced):
        out_lines[start:stop + 1] = items
    return "\n".join(out_lines) if replaced else text


SPACE_ROW = re.compile(r"^(\d{1,3}) (.*)$")
CELL_PUNCT = re.compile(r"[，,。；;]")
HEAD_CELL = re.compile(rf"^[{P.HAN}]{{2,6}}$")
CN_ORDINALS = "一二三四五六七八九十"


@rule(stage="clean", example="['序号', '工', '作', '任', '务', '牵头负责部门'] → ['序号', '工作任务', '牵头负责部门']")
def spaced_header_cells(cells: list[str]) -> list[str]:
    """A table header whose labels were letter-spaced ("工 作 任 务"): a run of one-character cells is one
    label again."""
    out: list[str] = []
    run = False
    for c in cells:
        if len(c) == 1 and run:
            out[-1] += c
        else:
            out.append(c)
        run = len(c) == 1
    return out


@rule(stage="clean", example="'序号 类别 主要任务 细化措施 牵头单位' + '1 加强保护 严守红线 实施双控。 市水利局' → "
                             "['一、加强保护', '1.严守红线。实施双控。（牵头单位：市水利局）']")
def space_task_tables(text: str) -> str:
    """A task table flattened to text with spaces between its cells (a header row 序号 … 牵头单位 …, then
    one row a line opening with its number): the responsibility columns are the last cells of a row,
    the measure's text the first cell with a sentence mark up to them, the task and category columns
    the cells before it (a double space is an empty cell; a cell wrapped into a piece of one or two
    characters is joined again). Rows become numbered lines with their units in a bracket, a new
    category a heading line over them."""
    if "序号" not in text and "序號" not in text:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        head = spaced_header_cells(T.fold_same_length(line).strip().split(" "))
        if len(head) < 3 or head[0] != "序号" or not all(HEAD_CELL.match(c) for c in head) \
                or not task_table_header(head):
            continue
        roles = []
        for j in range(len(head) - 1, 0, -1):
            label = next((lab for lab, rx in ROLE_HEADS if rx.search(head[j])), None)
            if label is None:
                break
            roles.insert(0, label)
        middle = len(head) - 1 - len(roles)
        if not roles or middle < 1:
            continue
        out, j, sections = [], i + 1, 0
        while j < len(lines) and (SPACE_ROW.match(lines[j]) or not lines[j].strip()):
            m = SPACE_ROW.match(lines[j])
            j += 1
            if not m:
                continue
            cells = m.group(2).split(" ")
            if len(cells) < len(roles) + 1:
                break
            units, cells = cells[-len(roles):], cells[:-len(roles)]
            k = next((n for n, c in enumerate(cells) if CELL_PUNCT.search(c)), len(cells) - 1)
            body, lead = " ".join(cells[k:]).strip(), cells[:k]
            empties = 0
            while lead and not lead[0] and empties < middle - 1:
                lead.pop(0)
                empties += 1
            pieces = []
            for c in (c for c in lead if c):
                if pieces and len(c) <= 2:
                    pieces[-1] += " " + c
                else:
                    pieces.append(c)
            cols = middle - 1 - empties  # columns left before the measure's text
            if cols <= 0 or not pieces:
                category, task = None, " ".join(pieces)
            elif len(pieces) >= cols and cols >= 2:
                category, task = pieces[0], " ".join(pieces[1:])
            else:
                category, task = None, " ".join(pieces)
            if category:
                out.append(f"{CN_ORDINALS[sections % 10]}、{category}")
                sections += 1
            named = "；".join(f"{lab}：{u}" for lab, u in zip(roles, units) if u and u not in EMPTY_CELLS)
            close = "" if j >= len(lines) else "）"
            out.append(f"{m.group(1)}." + (f"{task}。" if task else "") + body + (f"（{named}{close}" if named else ""))
        if out:
            return "\n".join(lines[:i] + out + lines[j:])
    return text


@rule(stage="clean", example="'優化@@條例@@' → '優化條例'")
def without_separators(text: str) -> str:
    """Runs of @@ (a scraper's separators) out of a line. Only the header reads lines this way: the
    measures keep the text as written, @@ included (numbering is read through them)."""
    return SEPARATOR_RUNS.sub("", text) if "@@" in text else text


@rule(stage="clean", example="\"0 N* Q, G& X8 o. O' h  第一条 为规范…\" → '  第一条 为规范…'; "
                              "'国卫办医政函〔2023〕199号/ G; t3 d8 f* N* I# ~' → '国卫办医政函〔2023〕199号'; '| | | | |' → unchanged")
def forum_jammer(text: str) -> str:
    """A forum's anti-copy jammer out of the text (Discuz's random "N* Q, G& X8" runs, b538 006, b166 008,
    b610 005): four or more one- or two-character ASCII tokens with at least three marks and two letters
    or digits among them, at a line's head or end or between Han characters. A table's bars ("| | |") and
    "1 + 2 = 3" stay."""
    def drop(m: "re.Match[str]") -> str:
        run = m.group()
        return "" if len(JAM_PUNCT.findall(run)) >= 3 and len(JAM_ALNUM.findall(run)) >= 2 else run
    return JAMMER.sub(drop, text) if JAM_PUNCT.search(text) else text


@rule(stage="clean", example="'经营单位整改;二级下载后可任意编辑重大事故隐患' → '经营单位整改;二级重大事故隐患'; "
                             "'施。精品文档---下载后可任意编辑 (二)灭蚊' → '施。 (二)灭蚊'")
def share_watermarks(text: str) -> str:
    """A document-sharing site's watermark ("下载后可任意编辑", after "精品文档---" or dashes) out of the text,
    wherever the preview's page broke (b755 002, b846 013, b862 007: glued to a title, a heading or the middle
    of a sentence)."""
    return WATERMARK.sub("", text)


@rule(stage="clean", example="'電™♠子商務進工(gōα₩™ng)作' → '電子商務進工(gōng)作'; '二OO九年' → '二〇〇九年'")
def spam_symbols(text: str) -> str:
    """Mirror-site noise out of the text: symbols wedged between two Han characters (™♠, σ≥), symbols
    inside a pinyin gloss (then removed as a gloss), and a Latin or Greek O written for 〇 in a year
    in Chinese numerals. A ≥ between a word and a number stays, and so do a breadcrumb trail's > marks."""
    if any(c in text for c in SPAM_SYMBOLS):
        if ">" in text:  # a breadcrumb trail keeps its marks (">政务>政策文件>工作要点": page chrome, dropped later)
            text = "\n".join(line if P.SINGLE_MARK_TRAIL.match(line) else SPAM_RUN.sub("", line) for line in text.split("\n"))
        else:
            text = SPAM_RUN.sub("", text)
        text = SPAM_GLOSS.sub(_gloss_without_symbols, text)
    if "O" in text or "Ο" in text:
        text = CN_YEAR_O.sub(lambda m: "〇" * len(m.group()), text)
    return text


def _gloss_without_symbols(m: "re.Match[str]") -> str:
    inner = m.group(2)
    letters = re.sub(f"[^{PINYIN_LETTERS}]", "", inner)
    if letters != inner and 1 <= len(letters) <= 7 and re.search(f"[{PINYIN_LETTERS}]", inner) \
            and not re.search(f"[{P.HAN}\\d]", inner):
        return m.group(1) + letters + m.group(3)
    return m.group()


# a document-sharing site's paragraph mark turned into a Cyrillic Р: "…问题。Р2.加快学前…" (two or more, between
# non-Cyrillic characters: "Русский" in a language menu stays)
PARAGRAPH_ER = re.compile(r"(?<=[^\sА-яЁё])[ \t]*Р[ \t]*(?=[^\sА-яЁё])")  # "。Р 2、" (b417 004) too
PARAGRAPH_ER_MIN = 2


@rule(stage="clean", example="'…问题。Р2.加快学前教育' → '…问题。\\n2.加快学前教育'; 'Русский' → unchanged")
def paragraph_marks(text: str) -> str:
    """Paragraph marks a document-sharing site turned into the Cyrillic letter Р (two or more of them
    between Chinese text) become line breaks again."""
    if "Р" in text and len(PARAGRAPH_ER.findall(text)) >= PARAGRAPH_ER_MIN:
        return PARAGRAPH_ER.sub("\n", text)
    return text


# "第四條第四條 …": a mirror that prints each article's number twice
DOUBLED_ARTICLE = re.compile(rf"(第{P.CN_NUMBER}[条條])\s*\1")


# a copy whose site wedged marks into words at random ("为加强】电动:。自行车", "一《。。、为进一步"): its
# brackets stand alone (a 】 with no 【 just before it, a 【 followed by another 【), where captions pair them
WEDGED = re.compile(rf"(?<=[{P.HAN}\d]){P.WEDGE}+(?=[{P.HAN}\d])")
WEDGED_ITEM = re.compile(rf"(?<![{P.HAN}]){P.WEDGE}*({P.CN_SMALL})[{P.WEDGE_CHARS}。，,:：;；.]*、[{P.WEDGE_CHARS}。，,:：;；.]*(?=[{P.HAN}])")
LONE_BRACKET_SPAN = 30  # a 【 further than this before its 】 does not pair with it
SCRAMBLED_PAGE_BRACKETS = 6  # lone brackets on a scrambled page, at least …
SCRAMBLED_PAGE_SHARE = 0.01  # … and one for every hundred Han characters


@rule(stage="clean", example="'为加强】电动:。自行车管理【维护道路【交通秩序…' (a lone bracket every few dozen characters) → True; "
                             "'第四十条【擅自占用】违反本条例…' (captions) → False")
def scrambled_page(text: str) -> bool:
    """A page whose copy wedged marks into its words: six lone brackets at least (a 】 without a 【 in the 30
    characters before it, a 【 before another 【), one for every hundred Han characters. Captions in
    brackets pair up and never count (b292 009, b48 013)."""
    lone, opened = 0, None
    for m in re.finditer("[【】]", text):
        if m.group() == "【":
            lone += opened is not None
            opened = m.start()
        else:
            lone += opened is None or m.start() - opened > LONE_BRACKET_SPAN
            opened = None
    return lone >= SCRAMBLED_PAGE_BRACKETS and lone >= SCRAMBLED_PAGE_SHARE * T.han_count(text)


@rule(stage="clean", example="'一《。。、为进一步加强城市!地下管线管理 《五、:管线产权单位' → '一、为进一步加强城市地下管线管理 五、管线产权单位'")
def unscrambled(text: str) -> str:
    """A scrambled page's wedged marks out: brackets, 《》, ! ? and dashes between two characters, and any
    marks around an item number's 、. Stops and commas inside words stay (the copy dropped the real ones,
    so nothing tells them apart); the words themselves are untouched."""
    text = WEDGED_ITEM.sub(r"\1、", WEDGED.sub("", text))
    return SCRAMBLED_ARTICLE.sub(_article_without_marks, text)  # every article number, not two at least


# marks a re-punctuating copy wedged into an article's number: "第【一条", "第】二条", "第三【条", "—第四条" (b362 003)
# (a number split by a mark, "第十【四条", never by 、 or ，: "第一、二条" cites two articles)
SCRAMBLED_ARTICLE = re.compile(rf"第(?:{P.WEDGED_MARK}+{P.CN_NUMBER}{P.WEDGED_MARK}*|{P.CN_NUMBER}{P.WEDGED_MARK}+"
                               rf"|{P.CN_NUMBER}[{P.WEDGE_CHARS}。:：;；]+{P.CN_NUMBER}"
                               # "第:二,十条" (b434 002): marks before the number and inside it
                               rf"|{P.WEDGED_MARK}+{P.CN_NUMBER}[{P.WEDGE_CHARS}。:：;；,]+{P.CN_NUMBER}{P.WEDGED_MARK}*)(?=[条條])")
SCRAMBLED_ARTICLE_MIN = 2  # so many on a page before its numbers count as scrambled
WEDGED_MARKS = re.compile(P.WEDGED_MARK)


@rule(stage="clean", example="'第【一条 为了… 第】二条 本办法… 第三【条 本办法所称…' → '第一条 为了… 第二条 本办法… 第三条 本办法所称…'; "
                             "one '第(一)条' alone → unchanged")
def scrambled_article_numbers(text: str) -> str:
    """Article numbers of a copy whose site wedged stray marks into its text (【】《》!?。:— inside
    "第一条"): the marks out of the number, when the page has two such numbers at least; the text
    around them stays as written."""
    if len(SCRAMBLED_ARTICLE.findall(text)) < SCRAMBLED_ARTICLE_MIN:
        return text
    return SCRAMBLED_ARTICLE.sub(_article_without_marks, text)


def _article_without_marks(m: "re.Match[str]") -> str:
    return "第" + WEDGED_MARKS.sub("", m.group()[1:])


@rule(stage="clean", example="'第四條第四條 各級人民政府…' → '第四條 各級人民政府…'; '第四条第五条' → unchanged")
def doubled_article_numbers(text: str) -> str:
    """An article number a mirror printed twice in a row ("第四條第四條", "第十一条 第十一条", b627 004): once."""
    return DOUBLED_ARTICLE.sub(r"\1", text) if re.search(r"[条條]\s*第", text) else text


# a paragraph indent (two full-width spaces) lost to an encoding and shown as "??": "??一、讓企業辦事更省心"
QMARK_INDENT = re.compile(r"(?m)^[ \t\u3000]*[?？]{2}(?=[^\s?？])")


# the same loss inside lines: "第一條??為規範", "第一章 ?總 ???則", "市 ?長 ?唐良智? ? ? ??"
# and after an item number's 、 ("4、?加强森林扑火队伍待岗", b366 007)
QMARK_SPACE = re.compile(rf"(?<=[\s条條章])\?+|\?+(?=\s)|(?<=[条條])\?+|(?<=[\d一二三四五六七八九十]、)\?+(?=[{P.HAN}])")
QMARK_SPACE_MIN = 3  # this many such runs before a page counts as one whose spaces became "?"


@rule(stage="clean", example="'第一條??為規範…' and '第一章 ?總 ???則' on one page → '第一條  為規範…', '第一章  總    則'; "
                             "'index.jsp?id=3' → unchanged")
def lost_spaces(text: str) -> str:
    """Spaces an encoding turned into "?" inside lines (after 第一條, around the letters of a spaced
    heading, in a signature's layout): spaces again, on a page that shows the loss at least three times.
    A "?" between letters (a link's query) stays."""
    if text.count("?") < QMARK_SPACE_MIN or len(QMARK_SPACE.findall(text)) < QMARK_SPACE_MIN:
        return text
    return QMARK_SPACE.sub(lambda m: " " * len(m.group()), text)


@rule(stage="clean", example="'??一、讓企業辦事更省心' → '一、讓企業辦事更省心'; '??' alone → unchanged")
def lost_indents(text: str) -> str:
    """Paragraph indents an encoding turned into "??" at the start of a line: taken out, so that an item
    number opens its line again."""
    return QMARK_INDENT.sub("", text) if "??" in text or "？？" in text else text


# a comma a mirror put before every 、 ("一,、適用范圍1、…", "人力資源和社會保障局,、財政局", b398 001, b109 013)
COMMA_BEFORE_DUN = re.compile(r"[,，]+(?=、)")


@rule(stage="clean", example="'一,、適用范圍' → '一、適用范圍'; '人社局,、財政局' → '人社局、財政局'; '一、适用' → unchanged")
def comma_before_dun(text: str) -> str:
    """A comma right before a 、: a mirror's doubled separator (written Chinese never puts the two
    together); the 、 alone stays, so an item number ("一,、", "2,、") opens its item again."""
    return COMMA_BEFORE_DUN.sub("", text) if ",、" in text or "，、" in text else text


STARRED_NUMBER = re.compile(r"(?m)^(\s*\d{1,2})\*\s*([.．、])")
# PDF text extracted with a space between every character: "关 于 加 强 知 识 产 权 保 护"
LETTER_SPACED_SNIFF = re.compile(rf"(?:[{P.HAN}] ){{5}}[{P.HAN}]")
WORD_GAP = re.compile("[ \u00a0]{2,}|[\u3000\t]+")
LETTER_SPACED_MIN_TOKENS = 6
LETTER_SPACED_SINGLE_SHARE = 0.7
SPACED_HAN = re.compile(rf"[{P.HAN}] (?=\S)")
LETTER_SPACED_PAGE_SHARE = 0.3


@rule(stage="clean", example="'附件?nbsp;海口市…备忘录' → '附件 海口市…备忘录'; '一、检查时闳/p>' → '一、检查时闳'")
def stray_markup(text: str) -> str:
    """Markup left in a page's text (b177 008, 009: a page decoded with the wrong code page): entities
    written out or with "?" for their "&" (?nbsp; ?ldquo; &gt;) read as their characters, and closing
    tags whose "<" was eaten (/p>) dropped. Real tags are the HTML reader's (html_to_text)."""
    text = STRAY_ENTITY.sub(lambda m: html.unescape(f"&{m.group('name')};"), text)
    return STRAY_TAG_END.sub("", text)


@rule(stage="clean", example="'知識產(chǎn)權２０２４\\u3000年' → '知識產權2024 年'")
def normalise_text(text: str) -> str:
    """ASCII digits and letters, one-character item numbers written out (㈦ → (七), ⒈ → 1.),
    a page flattened to long lines broken again at its paragraph indents, pinyin glosses out, one
    space per gap (tabs kept, one per cell)."""
    if NEEDS_WIDTH_FIX.search(text):
        text = text.translate(FULL_WIDTH)
    if any(w in text for w in L.DOC_SHARE_WATERMARKS):
        text = share_watermarks(text)
    if NEEDS_ENCLOSED_FIX.search(text):
        text = text.translate(ENCLOSED_NUMBERS)
    if "\u2474" in text:
        text = parenthesized_digit_items(text)
    if "〔一〕" in text or "〔 一 〕" in text:
        text = tortoise_bracket_items(text)
    if "•【" in text:
        text = law_box_lines(text)
    if LETTER_SPACED_SNIFF.search(text):  # before the spam symbols: "二 O O 九 年" is a year once despaced
        spaced_page = letter_spaced_page(text)
        text = "\n".join(letter_spaced_line(line, spaced_page) for line in text.split("\n"))
    if ("【" in text or "】" in text) and scrambled_page(text):
        text = unscrambled(text)
    text = doubled_article_numbers(scrambled_article_numbers(lost_spaces(lost_indents(paragraph_marks(spam_symbols(forum_jammer(text)))))))
    text = comma_before_dun(text)
    if LETTER_O_DIGIT.search(text):
        text = letter_o_digits(text)
    if SPACED_DIGITS.search(text):
        text = spaced_digits(text)
    if "\u3000\u3000" in text:
        text = FLAT_LINE.sub(lambda m: INDENT.sub("\n", m.group()), text)
    text = PINYIN.sub("", text)
    if "\t" in text:
        text = TABS.sub("\t", text)
    return starred_numbers(SPACES.sub(" ", text))


@rule(stage="clean", example="'关 于 加 强 知 识 产 权 保 护 的 意 见' (most Han characters spaced out) → True")
def letter_spaced_page(text: str) -> bool:
    """A page whose text was extracted with a space after most characters (PDF): at least
    three in ten of its Han characters are followed by one space and another character."""
    han = T.han_count(text)
    return han >= 20 and len(SPACED_HAN.findall(text)) >= LETTER_SPACED_PAGE_SHARE * han


@rule(stage="clean", example="'（ 一 ） 加 强 知 识 产 权 保 护 。' → '（一）加强知识产权保护。'")
def letter_spaced_line(line: str, spaced_page: bool = False) -> str:
    """A line spaced out character by character (PDF text: at least six pieces, seven in ten of them
    one character, two of them Han) loses its single spaces; a wider gap (two spaces, an ideographic
    space, a tab) stays as one gap. On a letter-spaced page two pieces are enough ("国 务 院") and a
    line of single digits is one too (a date "2 0 2 1 1 1 2 7"). Any other line is returned as it is
    ("1 2 3 4 5 6" on an ordinary page too)."""
    tokens = line.split()
    if len(tokens) < (2 if spaced_page else LETTER_SPACED_MIN_TOKENS):
        return line
    singles = [t for t in tokens if len(t) == 1]
    if len(singles) < LETTER_SPACED_SINGLE_SHARE * len(tokens):
        return line
    if T.han_count("".join(singles)) < 2 and not (spaced_page and len(singles) == len(tokens)):
        return line
    indent = line[:len(line) - len(line.lstrip())]
    return indent + " ".join(part.replace(" ", "").replace("\u00a0", "") for part in WORD_GAP.split(line.strip()))


@rule(stage="clean", example="'年专利申请量达到3 5 0件以上,其中发明专利占3 0%以上' → '…达到350件以上,其中发明专利占30%以上'")
def spaced_digits(text: str) -> str:
    """Figures an OCR wrote with a space between their digits (b229 010: "达到3 5 0件", "3 0%以上"), after a
    Han character or a clause mark and before a unit or %, closed up; only on a page with SPACED_DIGITS_MIN
    or more of them, so that one "2 3" that is two numbers stays as written."""
    if len(SPACED_DIGITS.findall(text)) < SPACED_DIGITS_MIN:
        return text
    return SPACED_DIGITS.sub(lambda m: m.group(1).replace(" ", ""), text)


@rule(stage="clean", example="'分别给予承办机构5O万元' → '分别给予承办机构50万元'; '第2—3年租金5O%补贴' → '…50%补贴'; 'GB/T 5O' → 'GB/T 5O'")
def letter_o_digits(text: str) -> str:
    """A capital O (Latin or Greek) typed for 0 inside a number, right after a digit and before a digit,
    an amount's unit, % or 年 ("5O万元", "2O2O年"): the digit. An O with nothing numeric after it stays
    ("GB/T 5O")."""
    return LETTER_O_DIGIT.sub(lambda m: "0" * len(m.group()), text)


@rule(stage="clean", example="'⑴强化招商意识。…' '⑵抢抓合作机遇。…' (nothing else numbered) → '(1)强化招商意识。…' '(2)抢抓合作机遇。…'")
def parenthesized_digit_items(text: str) -> str:
    """Items numbered ⑴ ⑵ ⑶ (one character each) at the start of their lines, on a page where no other
    item number opens a line: they are the page's items, written (1) (2) (3). Under other numbering
    they list things inside an item ("6.统计档案管理" / "⑴布置统计调查任务时制发的…") and stay."""
    if len(PAREN_DIGIT_LINE.findall(text)) < 2 or OTHER_NUMBER_LINE.search(text):
        return text
    return PAREN_DIGIT_LINE.sub(lambda m: m.group()[:-1] + f"({ord(m.group(1)) - 0x2473})", text)


LAW_BOX_ENTRY = re.compile(r"(?:文章属性)?•(?=【[^】\n]{1,8}】)")
LAW_BOX_BODY = re.compile(r"(•【[^】\n]{1,8}】[^•\n]{0,30}?)正文")


@rule(stage="clean", example="'…办法文章属性•【制定机关】芜湖市人民政府•【公布日期】2014.06.22•【主题分类】机关工作正文芜湖市…' → "
                             "'…办法\\n文章属性\\n•【制定机关】芜湖市人民政府\\n•【公布日期】2014.06.22\\n•【主题分类】机关工作\\n正文\\n芜湖市…'")
def law_box_lines(text: str) -> str:
    """A law database's box of the document's data run into one line with the title and the text
    ("…办法文章属性•【制定机关】…•【公布日期】2014.06.22•【字号】…•【时效性】失效•【主题分类】…正文…", b506 004,
    b130 005, b145 011 …): each entry on its own line, and the text after "正文" on the next, as the box
    shows them."""
    if text.count("•【") < 2:
        return text
    out = []
    for line in text.split("\n"):
        if line.count("•【") >= 2:
            line = LAW_BOX_BODY.sub(lambda m: m.group(1) + "\n正文\n", line)
            line = LAW_BOX_ENTRY.sub(lambda m: "\n文章属性\n•" if m.group().startswith("文章属性") else "\n•", line)
        out.append(line)
    return "\n".join(out)


TORTOISE_ITEM = re.compile(rf"〔\s*({P.CN_SMALL})\s*〕")


@rule(stage="clean", example="'重点包括:〔一〕设置…;〔二〕限定…' → '重点包括:(一)设置…;(二)限定…'; '〔2023〕5号' → unchanged")
def tortoise_bracket_items(text: str) -> str:
    """Item numbers in tortoise-shell brackets ("〔一〕", "〔二〕"): a document-sharing site's conversion
    wrote every parenthesis as 〔〕 (b481 005: "县人民政府〔办公室〕", "〔一〕设置不合理…"). Where both 〔一〕
    and 〔二〕 occur they number items, written (一) (二). A 文号's year ("〔2023〕") stays."""
    found = {m.group(1) for m in TORTOISE_ITEM.finditer(text)}
    if not {"一", "二"} <= found:
        return text
    return TORTOISE_ITEM.sub(lambda m: f"({m.group(1)})", text)


@rule(stage="clean", example="'  1* .开展“一证多址”改革' → '  1.开展“一证多址”改革'")
def starred_numbers(text: str) -> str:
    """An item number a site marked with an asterisk ("1* .", "2*.", a markdown escape or a footnote
    mark left in): the number as a number. A "*" elsewhere stays."""
    return STARRED_NUMBER.sub(r"\1\2", text)
