"""Briefing pages checked on the files: pixels, legend, scale bar, glyphs, PDF text and fonts, SVG."""

import re

import pypdf
import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from parksgis.model import DEFAULT_SCHEME
from parksgis.render import export
from parksgis.render.briefing_content import nice_length
from parksgis.render.fonts import map_font, missing_glyphs
from parksgis.render.map_renderer import MapRenderer, view_transform

SIZE_PT = export.page_size_pt("A4", landscape=True)
TITLE = "港口片区建设进展汇报"


def make_page(ws, lang="zh", title=TITLE):
    renderer = MapRenderer(ws)
    options = export.PageOptions(lang=lang, title=title, as_of="2014-07-24",
                                 generated=export.generated_date("2014-08-01"))
    return renderer, export.park_page(renderer, "port", options)


def device_point(page, x, y, i=0):
    return view_transform(page.map_views[i], page.map_rects[i]).map(QPointF(x, y))


def test_completed_plot_interior_has_the_completed_colour(qapp, squares):
    ws, squares_m = squares
    renderer, page = make_page(ws)
    image = export.render_image(page, renderer, SIZE_PT, dpi=100)
    for square, status in zip(squares_m, ["completed", "under_construction", "planned", None]):
        minx, miny, maxx, maxy = square.bounds
        # a quarter up from the bottom edge: inside the plot, clear of its centred label
        p = device_point(page, (minx + maxx) / 2, miny + (maxy - miny) * 0.25)
        expected = DEFAULT_SCHEME.color(status) if status else DEFAULT_SCHEME.NO_PROJECT_COLOR
        assert image.pixelColor(int(p.x()), int(p.y())).name() == expected.lower()


def test_legend_lists_exactly_the_statuses_shown(qapp, squares, tmp_path):
    ws, _ = squares
    renderer, page = make_page(ws)
    renderer.hidden_statuses = {"planned"}
    out = export.write_pages([page], renderer, tmp_path / "b.pdf", SIZE_PT, dpi=150)
    assert [e.code for e in page.page.legend] == ["under_construction", "completed", ""]
    assert [e.count for e in page.page.legend] == [1, 1, 1]
    text = pypdf.PdfReader(out).pages[0].extract_text()
    legend = text[text.index("图例"):text.index("主要指标")]
    for status in DEFAULT_SCHEME:
        assert (status.label_zh in legend) == (status.code in ("under_construction", "completed"))
    assert "无项目的要素" in legend


def test_legend_swatch_pixels_have_the_status_colours(qapp, squares):
    ws, _ = squares
    renderer, page = make_page(ws)
    image = export.render_image(page, renderer, SIZE_PT, dpi=100)
    sidebar = QRectF(page.map_rects[0].right() + 5, page.map_rects[0].top(), 300, 150)
    colours = {image.pixelColor(x, y).name() for x in range(int(sidebar.left()), min(int(sidebar.right()), image.width()))
               for y in range(int(sidebar.top()), int(sidebar.bottom()))}
    for status in ("completed", "under_construction", "planned"):
        assert DEFAULT_SCHEME.color(status).lower() in colours
    for status in ("approved", "in_operation", "suspended"):
        assert DEFAULT_SCHEME.color(status).lower() not in colours


def _draw_text(text: str, font: QFont) -> QImage:
    image = QImage(600, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("#000000"))
    painter.drawText(QPointF(10, 55), text)
    painter.end()
    return image


def test_chinese_title_is_drawn_as_glyphs_not_tofu(qapp, squares, latin_only_family):
    assert missing_glyphs(TITLE) == []
    tofu_font = QFont(latin_only_family, 28)
    tofu_font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    assert missing_glyphs(TITLE, tofu_font) == list(TITLE)
    glyphs, tofu = _draw_text(TITLE, map_font(28)), _draw_text(TITLE, tofu_font)
    # every missing glyph renders as the same .notdef box: the tofu row repeats one shape
    tofu_single = _draw_text(TITLE[0], tofu_font)
    glyph_single = _draw_text(TITLE[0], map_font(28))
    assert glyphs != tofu
    assert glyph_single != tofu_single
    # and the briefing's title area shows the real glyphs, not boxes
    ws, _ = squares
    renderer, page = make_page(ws)
    image = export.render_image(page, renderer, SIZE_PT, dpi=96)
    r = page.title_rect.toRect()
    title_area = image.copy(r)
    dark = sum(1 for x in range(title_area.width()) for y in range(title_area.height())
               if title_area.pixelColor(x, y).lightness() < 128)
    assert dark > 200
    boxes = QImage(image.size(), QImage.Format.Format_RGB32)
    boxes.fill(QColor("#ffffff"))
    painter = QPainter(boxes)
    f = QFont(latin_only_family)
    f.setPointSizeF(17)
    painter.setFont(f)
    painter.setPen(QColor("#1a1a1a"))
    painter.drawText(QPointF(r.left(), r.top() + painter.fontMetrics().ascent()), TITLE)
    painter.end()
    assert boxes.copy(r) != title_area


def test_scale_bar_length_matches_map_scale_within_1_percent(qapp, squares):
    ws, squares_m = squares
    renderer, page = make_page(ws)
    image = export.render_image(page, renderer, SIZE_PT, dpi=200)
    # measured map scale: the 1000 m completed square's filled run of pixels, a quarter up
    minx, miny, maxx, maxy = squares_m[0].bounds
    row = int(device_point(page, minx, miny + (maxy - miny) * 0.25).y())
    # non-white pixels across the square: its width plus the 1 px cosmetic outline (half each side)
    inked = [x for x in range(int(page.map_rects[0].left()) + 2, int(page.map_rects[0].right()) - 2)
             if image.pixelColor(x, row).lightness() < 245]
    first_gap = next(i for i in range(1, len(inked)) if inked[i] != inked[i - 1] + 1)
    px_per_m = (inked[first_gap - 1] - inked[0] + 1 - 1) / (maxx - minx)
    # the scale bar along its centre row: its length plus its outline pen (0.6 pt)
    x0, y, length_px, length_m = page.scale_bar
    bar_row = int(y)
    dark = [x for x in range(int(x0) - 5, int(x0 + length_px) + 6) if image.pixelColor(x, bar_row).lightness() < 128]
    bar_px = max(dark) - min(dark) + 1 - 0.6 * 200 / 72
    assert length_m == nice_length(length_m) and str(int(length_m))[0] in "125"
    assert abs(bar_px / length_m - px_per_m) / px_per_m < 0.01


def test_pdf_embeds_the_cjk_font_and_has_the_title_as_text(qapp, squares, tmp_path):
    ws, _ = squares
    renderer, page = make_page(ws)
    out = export.write_pages([page], renderer, tmp_path / "b.pdf", SIZE_PT, dpi=300)
    reader = pypdf.PdfReader(out)
    text = reader.pages[0].extract_text()
    assert TITLE in text.replace("\t", "").replace(" ", "")
    fonts = reader.pages[0]["/Resources"]["/Font"]
    embedded = []
    for ref in fonts.values():
        font = ref.get_object()
        for descendant in font.get("/DescendantFonts", []):
            descriptor = descendant.get_object()["/FontDescriptor"].get_object()
            if "/FontFile2" in descriptor:
                embedded.append(str(font["/BaseFont"]))
    assert any("NotoSansSC-parksgis" in name for name in embedded)


def test_svg_is_vector_with_text(qapp, squares, tmp_path):
    ws, _ = squares
    renderer, page = make_page(ws)
    out = export.write_pages([page], renderer, tmp_path / "b.svg", SIZE_PT, dpi=96)
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "<path" in svg
    assert re.search(r"<text[^>]*>[^<]*港口片区建设进展汇报", svg)


def test_png_rendering_is_byte_identical(qapp, squares, tmp_path):
    ws, _ = squares
    renderer, page = make_page(ws)
    a = export.write_pages([page], renderer, tmp_path / "a.png", SIZE_PT, dpi=72)
    renderer2, page2 = make_page(ws)
    b = export.write_pages([page2], renderer2, tmp_path / "b.png", SIZE_PT, dpi=72)
    assert a.read_bytes() == b.read_bytes()
    assert b"tIME" not in a.read_bytes()


def test_english_page_and_kpis(qapp, squares):
    ws, _ = squares
    ws.layer("port/plots").frame["name_en"] = ["Completed plot", "Plot under construction", "Planned plot", "Vacant"]
    renderer, page = make_page(ws, lang="en", title=None)
    export.render_image(page, renderer, SIZE_PT, dpi=72)
    assert "Completed plot" in [text for text, _ in renderer.labels.placed]
    assert renderer.lang == "zh"  # the renderer's own language is restored after the page
    assert page.page.title == "Port area — construction progress"
    kpis = {k.label.strip(): k.value for k in page.page.kpis}
    assert kpis["Projects"] == "3" and kpis["Completed"] == "1"
    assert kpis["Planned investment"] == "1.5 100M yuan"
    assert "target 22.2" in kpis["New roads"]
    assert any("Geometry illustrative" in n for n in page.page.notes)
    assert any("2014-08-01" in n for n in page.page.notes)


@pytest.mark.parametrize("metres, expected", [(0.7, 0.5), (3, 2), (999, 500), (1000, 1000), (7300, 5000)])
def test_nice_length(metres, expected):
    assert nice_length(metres) == expected


def test_view_page_and_a_loose_layer_file(qapp, squares, tmp_path):
    from parksgis.model import Layer, LayerKind, Workspace

    ws, squares_m = squares
    renderer = MapRenderer(ws)
    minx, miny, maxx, maxy = squares_m[0].bounds
    page = export.view_page(renderer, QRectF(minx, miny, maxx - minx, maxy - miny), export.PageOptions())
    export.write_pages([page], renderer, tmp_path / "v.png", SIZE_PT, dpi=72)
    assert [e.code for e in page.page.legend] == ["completed"]  # only the first square is in view
    loose = Workspace(shared_layers=[Layer("plots", ws.layer("port/plots").frame, LayerKind.PLOTS)])
    renderer = MapRenderer(loose)
    page = export.overview_page(renderer, export.PageOptions(lang="en"))
    export.write_pages([page], renderer, tmp_path / "loose.svg", SIZE_PT, dpi=72)
    assert [e.code for e in page.page.legend] == [""]  # no register: every feature is unlinked


@pytest.mark.parametrize("size_px,park", [((1280, 800), None), ((1920, 1080), None), ((1024, 768), None),
                                          ((800, 600), "port"), ((800, 600), None), ((600, 400), None),
                                          ((500, 375), "port"), ((600, 800), None)])
def test_the_sidebar_stays_clear_of_the_notes_at_small_page_sizes(qapp, sample_layers, size_px, park):
    # the sample's imagery notes are long lines under the maps; at 1280x800 the key figures'
    # box ran down over them; at 800x600 the port's long title and the notes ran off the page,
    # and the overview's key figures ran over the notes even at the sidebar's smallest scale;
    # then the overview's map was a strip a fifth of the page high, and at 600x400 it had no
    # height at all (the export failed, and Qt crashed)
    from parksgis.app.workspace import load_workspace

    workspace, _ = load_workspace(sample_layers)
    renderer = MapRenderer(workspace)
    options = export.PageOptions(generated=export.generated_date("2014-08-01"))
    page = export.park_page(renderer, park, options) if park else export.overview_page(renderer, options)
    export.render_image(page, renderer, export.page_size_pt(size_px=size_px, dpi=150), dpi=150)
    assert len(page.page.notes) >= 4 and any("影像" in n for n in page.page.notes)
    assert not page.sidebar_rect.intersects(page.notes_rect), (page.sidebar_rect, page.notes_rect)
    assert page.sidebar_rect.right() <= size_px[0] and page.sidebar_rect.bottom() <= size_px[1]
    assert page.title_rect.right() <= size_px[0] and page.notes_rect.right() <= size_px[0]
    assert page.notes_rect.bottom() <= size_px[1]
    assert page.map_rects[0].height() >= 0.45 * size_px[1] and page.map_rects[0].width() >= 0.55 * size_px[0]
    # the map shows its parks whole, centred between the north arrow's and the scale bar's bands
    (rect,), (view,) = page.map_rects, page.map_views
    target = park_extent(renderer, park)
    drawn = view_transform(view, rect).mapRect(target)
    assert rect.contains(drawn), (rect, drawn)
    assert abs(drawn.center().y() - rect.center().y()) < 0.1 * rect.height()


def park_extent(renderer: MapRenderer, park: str | None) -> QRectF:
    """What a park page (or, with ``None``, the overview) is made to show."""
    parks = [park] if park else [p.park_id for p in renderer.workspace.parks]
    return export.park_layers_extent(renderer, parks)


def test_a_park_fills_its_small_map_instead_of_a_wide_area_around_it(qapp, sample_layers):
    # at 800x600 the bands kept free for the north arrow and the scale bar took half the map's
    # height: the port was drawn at half its size, at the bottom, under the scale bar
    from parksgis.app.workspace import load_workspace

    workspace, _ = load_workspace(sample_layers)
    renderer = MapRenderer(workspace)
    page = export.park_page(renderer, "port", export.PageOptions(generated=export.generated_date("2014-08-01")))
    export.render_image(page, renderer, export.page_size_pt(size_px=(800, 600), dpi=150), dpi=150)
    (rect,), (view,) = page.map_rects, page.map_views
    drawn = view_transform(view, rect).mapRect(park_extent(renderer, "port"))
    assert drawn.height() >= 0.6 * rect.height() or drawn.width() >= 0.6 * rect.width(), (rect, drawn)
    # the arrow and the scale bar sit in the map's corners: no label is placed under them (the
    # park's name ran into the arrow)
    arrow, scale_bar = page.furniture_rects
    assert rect.contains(arrow) and rect.contains(scale_bar)
    assert renderer.labels.placed and page.scale_bar[0] > scale_bar.left()
    for text, box in renderer.labels.placed:
        assert not box.intersects(arrow) and not box.intersects(scale_bar), text


def test_a_pdf_of_pages_each_with_its_renderer_holds_none_while_the_next_is_read(qapp, tmp_path):
    """``write_drawn_pages`` (the atlas's writer): each page with its own renderer and features,
    painted and let go before the next is asked for, so an atlas holds one page's data at a time."""
    import gc
    import weakref

    from tests.render.conftest import square_plots_workspace

    earlier = []

    def drawn():
        for title in ("一", "二", "三"):
            gc.collect()  # a renderer and its workspace hold each other
            assert [ref for ref in earlier if ref() is not None] == []
            renderer, page = make_page(square_plots_workspace()[0], title=title)
            earlier.append(weakref.ref(renderer))
            yield page, renderer
            del renderer, page

    out = export.write_drawn_pages(drawn(), tmp_path / "atlas.pdf", SIZE_PT, dpi=72)
    reader = pypdf.PdfReader(out)
    assert [page.extract_text().split("\n")[0].strip() for page in reader.pages] == ["一", "二", "三"]
    assert reader.metadata.title == "一"


def test_a_page_that_fails_to_open_leaves_no_pdf(qapp, squares, tmp_path):
    from parksgis.errors import ParksgisError

    ws, _ = squares

    def drawn():
        renderer, page = make_page(ws)
        yield page, renderer
        raise ParksgisError("park wanxiang: no features to draw")

    with pytest.raises(ParksgisError, match="no features to draw"):
        export.write_drawn_pages(drawn(), tmp_path / "atlas.pdf", SIZE_PT, dpi=72)
    assert list(tmp_path.iterdir()) == []
