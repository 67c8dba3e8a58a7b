"""Collect the UI strings of parksgis/qt (and the gui command) into Qt Linguist .ts files.

Why not pyside6-lupdate: its Python parser (6.11) files ``QCoreApplication.translate`` calls and
plural ``self.tr(..., n)`` calls under wrong contexts, so translations would never be found. This
reads the code with ``ast`` and knows the three forms we use:

- ``self.tr("text")`` / ``self.tr("%n things", "", n)``: context = the enclosing class;
- ``QCoreApplication.translate("Context", "text"[, "", n])`` (or ``QApplication.translate``);
- ``tr("text")`` / ``_tr("text"[, n])`` module helpers: context = the module's ``TR_CONTEXT``.

Existing translations are kept; new strings are added unfinished; strings gone from the code are
marked vanished. Usage: ``python3 scripts/extract_ui_strings.py assets/i18n/parksgis_zh_CN.ts ...``
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "parksgis" / "qt").glob("*.py")) + [ROOT / "parksgis" / "commands" / "gui.py"]


def _string(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def extract(path: Path) -> list[tuple[str, str, bool, int]]:
    """(context, source, plural, line) of every translatable string in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module_context = next((_string(n.value) for n in tree.body if isinstance(n, ast.Assign)
                           and any(isinstance(t, ast.Name) and t.id == "TR_CONTEXT" for t in n.targets)), None)
    found = []

    def visit(node, cls):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                func, args = child.func, child.args
                if (isinstance(func, ast.Attribute) and func.attr == "tr" and isinstance(func.value, ast.Name)
                        and func.value.id == "self" and cls and args and _string(args[0]) is not None):
                    found.append((cls, _string(args[0]), len(args) >= 3, child.lineno))
                elif (isinstance(func, ast.Attribute) and func.attr == "translate" and len(args) >= 2
                      and _string(args[0]) is not None and _string(args[1]) is not None):
                    found.append((_string(args[0]), _string(args[1]), len(args) >= 4, child.lineno))
                elif (isinstance(func, ast.Name) and func.id in ("tr", "_tr") and module_context
                      and args and _string(args[0]) is not None):
                    found.append((module_context, _string(args[0]), len(args) >= 2, child.lineno))
            visit(child, cls)

    visit(tree, None)
    return found


def update(ts_path: Path, language: str) -> tuple[int, int]:
    old: dict[tuple[str, str], ET.Element] = {}
    if ts_path.exists():
        for context in ET.parse(ts_path).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                old[(name, message.findtext("source") or "")] = message.find("translation")
    strings: dict[tuple[str, str], tuple[bool, list[tuple[str, int]]]] = {}
    for path in SOURCES:
        for context, source, plural, line in extract(path):
            entry = strings.setdefault((context, source), (plural, []))
            entry[1].append((path.relative_to(ts_path.parent.resolve(), walk_up=True).as_posix()
                             if sys.version_info >= (3, 12) else
                             "../../" + path.relative_to(ROOT).as_posix(), line))
    root = ET.Element("TS", version="2.1", language=language)
    contexts: dict[str, ET.Element] = {}
    new = 0
    for (context, source), (plural, places) in sorted(strings.items()):
        if context not in contexts:
            contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context], "name").text = context
        message = ET.SubElement(contexts[context], "message", numerus="yes") if plural else \
            ET.SubElement(contexts[context], "message")
        for file, line in places:
            ET.SubElement(message, "location", filename=file, line=str(line))
        ET.SubElement(message, "source").text = source
        previous = old.pop((context, source), None)
        if previous is not None:
            if previous.get("type") == "vanished":  # back in the code
                previous.attrib.pop("type", None) if _done(previous) else previous.set("type", "unfinished")
            # otherwise keep the translator's state: a drafted text marked unfinished stays unfinished
            message.append(previous)
        else:
            new += 1
            translation = ET.SubElement(message, "translation", type="unfinished")
            if plural:
                ET.SubElement(translation, "numerusform")
    for (context, source), translation in old.items():  # gone from the code: keep, marked vanished
        if context not in contexts:
            contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context], "name").text = context
        message = ET.SubElement(contexts[context], "message")
        ET.SubElement(message, "source").text = source
        translation.set("type", "vanished")
        message.append(translation)
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts_path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return len(strings), new


def _done(translation: ET.Element) -> bool:
    texts = [translation.text or ""] + [n.text or "" for n in translation.iter("numerusform")]
    return translation.get("type") != "vanished" and any(t.strip() for t in texts)


def main(argv: list[str]) -> int:
    for ts in argv or [str(ROOT / "assets" / "i18n" / "parksgis_zh_CN.ts"), str(ROOT / "assets" / "i18n" / "parksgis_en.ts")]:
        ts_path = Path(ts).resolve()
        language = ts_path.stem.split("_", 1)[1]
        total, new = update(ts_path, language)
        print(f"{ts_path.name}: {total} strings, {new} new")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
