"""Keep the French translation in step with the code.

    python resources/i18n/update.py                  # lupdate → .ts, then lrelease → .qm
    python resources/i18n/update.py --apply F.json   # also take translations from F.json
    python resources/i18n/update.py --check F.json gui/panels/x.py ...
                                                     # what these files say that F.json does not translate

The .ts file (Qt Linguist can open it) is the translation's source; the .qm next to it is what the
app loads, built from it. A JSON file for --apply/--check maps context → {English: French}. The
sentences are found by pyside6-lupdate: `translate("context", "text")` and
`QT_TRANSLATE_NOOP("context", "text")` calls (core/i18n.py).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS_FILE = HERE / "mlp_studio_fr.ts"
QM_FILE = HERE / "mlp_studio_fr.qm"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def source_files() -> list[Path]:
    """Every Python file of the app (gui/, core/, main.py)."""
    return sorted([*ROOT.glob("gui/**/*.py"), *ROOT.glob("core/**/*.py"), ROOT / "main.py"])


def tool(name: str) -> str:
    """Qt's lupdate/lrelease as shipped inside the PySide6 package (found without the pyside6-* scripts on PATH)."""
    import PySide6

    shipped = Path(PySide6.__file__).resolve().parent / name
    return str(shipped) if shipped.exists() else f"pyside6-{name}"


def lupdate(files: list[Path], ts: Path) -> None:
    subprocess.run([tool("lupdate"), *map(str, files), "-no-obsolete", "-locations", "none",
                    "-target-language", "fr_FR", "-ts", str(ts)],
                   check=True, capture_output=True, text=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True, text=True)


def read_messages(ts: Path) -> list[tuple[str, str, str | None]]:
    """(context, source, translation or None when unfinished) for every message."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in ("unfinished", "vanished",
                                                                               "obsolete")
            out.append((name, message.findtext("source") or "", translation.text if done else None))
    return out


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def apply(ts: Path, table: dict[str, dict[str, str]]) -> int:
    """Write the translations of `table` into the .ts; returns how many messages it filled."""
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        entries = table.get(context.findtext("name") or "", {})
        for message in context.iter("message"):
            french = entries.get(message.findtext("source") or "")
            if french:
                translation = message.find("translation")
                translation.text = french
                translation.attrib.pop("type", None)
                filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def problems(messages: list[tuple[str, str, str | None]]) -> list[str]:
    """Untranslated messages and translations whose {placeholders} differ from the English."""
    found = []
    for context, source, french in messages:
        if french is None:
            found.append(f"untranslated [{context}] {source!r}")
        elif placeholders(source) != placeholders(french):
            found.append(f"placeholders differ [{context}] {source!r} → {french!r}")
    return found


def check(table_file: Path, files: list[Path]) -> int:
    table = json.loads(table_file.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "check.ts"
        lupdate(files, ts)
        apply(ts, table)
        messages = read_messages(ts)
    found = problems(messages)
    for line in found:
        print(line)
    print(f"{len(messages)} messages in {len(files)} files, {len(found)} problems")
    return 1 if found else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--apply", type=Path, action="append", default=[], help="JSON translations to take")
    parser.add_argument("--check", type=Path, help="JSON translations to check against FILES (writes nothing)")
    parser.add_argument("files", type=Path, nargs="*")
    args = parser.parse_args()
    if args.check:
        return check(args.check, args.files)
    lupdate(source_files(), TS_FILE)
    for table_file in args.apply:
        filled = apply(TS_FILE, json.loads(table_file.read_text(encoding="utf-8")))
        print(f"{table_file}: {filled} translations taken")
    lrelease(TS_FILE, QM_FILE)
    messages = read_messages(TS_FILE)
    found = problems(messages)
    for line in found[:50]:
        print(line)
    print(f"{len(messages)} messages, {len(messages) - len(found)} translated without problems, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
