"""The Chinese translation covers the window's strings and the shipped .qm matches the .ts."""

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6 import QtCore

from parksgis.assets import get_asset

ROOT = Path(__file__).resolve().parents[2]
# the map window's own modules; other panels' strings are checked once their texts are final
WINDOW_MODULES = ["main_window", "window_actions", "canvas", "layer_tree", "identify_panel",
                  "attribute_table", "status_legend", "search_box", "problems_panel", "loader",
                  "workspace_loading", "settings_dialog", "export_dialog", "spreadsheet_dialog"]


def _extractor():
    spec = importlib.util.spec_from_file_location("extract_ui_strings", ROOT / "scripts" / "extract_ui_strings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _translations() -> dict[tuple[str, str], str]:
    out = {}
    for context in ET.parse(get_asset("i18n", "parksgis_zh_CN.ts")).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("unfinished", "vanished"):
                continue
            forms = [n.text or "" for n in translation.iter("numerusform")]
            text = "".join(forms) if forms else (translation.text or "")
            out[(context.findtext("name"), message.findtext("source"))] = text
    return out


def test_every_window_string_has_a_chinese_translation():
    extractor, done = _extractor(), _translations()
    missing = []
    for name in WINDOW_MODULES:
        for context, source, _plural, line in extractor.extract(ROOT / "parksgis" / "qt" / f"{name}.py"):
            if not done.get((context, source), "").strip():
                missing.append(f"{name}.py:{line} {context}: {source!r}")
    assert not missing, "run scripts/update_translations.sh and translate:\n" + "\n".join(missing)


def test_shipped_qm_translates(qapp):
    translator = QtCore.QTranslator()
    assert translator.load(str(get_asset("i18n", "parksgis_zh_CN.qm")))
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
    assert translator.translate("IdentifyPanel", "No project linked to this feature.") == "该要素未关联项目。"
    for (context, source), text in _translations().items():
        if "%n" not in source:
            assert translator.translate(context, source) == text, (context, source)
