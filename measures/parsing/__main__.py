"""python -m measures.parsing --json FILE... : one JSON array, one object per file."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import ParseError, parse_document
from .knowledge import Knowledge, default_knowledge
from .text import read_source


def parse_files(paths: list[str], knowledge: Knowledge | None = None) -> list[dict]:
    """Parse each file; a file that is not text (or cannot be read) yields {"source", "error"} instead of
    stopping the run. Any text yields its document with a "warnings" list."""
    knowledge = knowledge or default_knowledge()
    results = []
    for p in paths:
        name = Path(p).name
        try:
            data = read_source(p)
            results.append(parse_document(data, source=name, knowledge=knowledge))
        except ParseError as exc:
            results.append({"source": name, "error": exc.reason})
        except OSError as exc:
            results.append({"source": name, "error": f"cannot read file: {exc.strerror or exc}"})
        except Exception as exc:  # never crash the whole run on one bad file
            results.append({"source": name, "error": f"internal parser error: {type(exc).__name__}: {exc}"})
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m measures.parsing", description=__doc__)
    ap.add_argument("--json", action="store_true", help="print one JSON array (the default output)")
    ap.add_argument("--fixtures", type=Path, help="directory with themes.json, ip_types.json, regions.json ...")
    ap.add_argument("--indent", type=int, default=None)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args(argv)
    knowledge = Knowledge.from_fixtures(a.fixtures) if a.fixtures else None
    results = parse_files(a.files, knowledge)
    sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=a.indent))
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
