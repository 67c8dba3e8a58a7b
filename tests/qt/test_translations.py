"""The Chinese translation covers the window's strings and the shipped .qm matches the .ts."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6 import QtCore

from parksgis.assets import get_asset

ROOT = Path(__file__).resolve().parents[2]
# the map window's own modules; other panels' strings are checked once their texts are final
WINDOW_MODULES = ["main_window", "window_actions", "canvas", "layer_tree", "identify_panel",
                  "attribute_table", "status_legend", "search_box", "problems_panel", "loader",
                  "workspace_loading", "settings_dialog", "export_dialog", "spreadsheet_dialog"]


def _lupdate(ts: Path) -> None:
    """Collect the code's strings into ``ts`` as scripts/update_translations.sh does."""
    subprocess.run([sys.executable, "-c", "from PySide6.scripts.pyside_tool import lupdate; lupdate()",
                    "-silent", "-extensions", "py", str(ROOT / "parksgis"), "-ts", str(ts)], check=True)


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


def test_every_window_string_has_a_chinese_translation(tmp_path):
    ts = tmp_path / "parksgis_zh_CN.ts"
    shutil.copyfile(get_asset("i18n", "parksgis_zh_CN.ts"), ts)
    _lupdate(ts)  # the shipped translations brought up to date with the code, as the script does
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") == "vanished":
                continue
            places = [f"{Path(loc.get('filename')).name}:{loc.get('line')}" for loc in message.iter("location")
                      if Path(loc.get("filename")).parent.name == "qt"
                      and Path(loc.get("filename")).stem in WINDOW_MODULES]
            forms = [n.text or "" for n in translation.iter("numerusform")] or [translation.text or ""]
            if places and (translation.get("type") == "unfinished" or not all(f.strip() for f in forms)):
                missing.append(f"{places[0]} {context.findtext('name')}: {message.findtext('source')!r}")
    assert not missing, "run scripts/update_translations.sh and translate:\n" + "\n".join(missing)


def test_shipped_qm_translates(qapp):
    translator = QtCore.QTranslator()
    assert translator.load(str(get_asset("i18n", "parksgis_zh_CN.qm")))
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
    assert translator.translate("IdentifyPanel", "No project linked to this feature.") == "该要素未关联项目。"
    for (context, source), text in _translations().items():  # plurals too: Chinese has one form
        assert translator.translate(context, source, None, 2 if "%n" in source else -1) == text, (context, source)


def test_module_texts_and_plurals_translate_in_the_running_app(qapp):
    from parksgis.qt.i18n import install_language
    from parksgis.qt.problem_texts import ProblemTexts
    from parksgis.qt.workspace_loading import WorkspaceLoading
    try:
        assert install_language("zh_CN")
        assert ProblemTexts.tr("No such file.") == "文件不存在。"
        assert WorkspaceLoading.tr("Reading %n file(s)…", "", 3) == "正在读取 3 个文件…"
    finally:
        install_language("en")
    assert WorkspaceLoading.tr("Reading %n file(s)…", "", 3) == "Reading 3 file(s)…"
