"""The trend chart as SVG and PNG (render/chart_image.py): the SVG is XML with the series'
labels as text, the PNG is a PNG of the asked size, the file is written whole or not at all,
and a missing matplotlib or CJK font is one clear error."""

from __future__ import annotations

import builtins
import struct
import xml.etree.ElementTree as ElementTree

import pytest

from cngloss.errors import ChoiceError, ExitCode, MissingExtraError, OutputError
from cngloss.model import TrendSeries, YearPoint
from cngloss.render import chart_image
from cngloss.render.chart_image import cjk_font, render_image, write_image, _gaps

matplotlib = pytest.importorskip("matplotlib", reason="matplotlib (the chart extra) is not "
                                 "installed: pip install -e '.[chart]'")

SERIES = [
    TrendSeries("六稳", (YearPoint(2001, 2, 1, 3, 40000), YearPoint(2003, 4, 0, 0, 100000),
                       YearPoint(2004, 1, 1, 10, 50000))),
    TrendSeries("乡村振兴", (YearPoint(2001, 2, 0, 0, 40000), YearPoint(2003, 4, 3, 6, 100000),
                         YearPoint(2004, 1, 1, 1, 50000))),
]
SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(data: bytes) -> list[str]:
    root = ElementTree.fromstring(data)
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_svg_is_xml_with_the_labels_as_text():
    texts = svg_texts(render_image(SERIES, "svg"))
    assert "六稳" in texts and "乡村振兴" in texts
    assert "no reports" in texts and "reports" in texts  # the gap shading, the lower panel
    assert "Uses per 100,000 characters of each year's reports" in texts


def test_svg_title_follows_the_measure():
    assert "Reports that use it, of each year's reports" in svg_texts(
        render_image(SERIES, "svg", "reports"))
    assert "Mine" in svg_texts(render_image(SERIES, "svg", title="Mine"))


def test_svg_is_the_same_bytes_each_time():
    assert render_image(SERIES, "svg") == render_image(SERIES, "svg")


@pytest.mark.parametrize("size", [(1000, 560), (640, 400)])
def test_png_has_the_asked_size(size):
    if cjk_font() is None:
        pytest.skip("no CJK font on this machine (apt-get install fonts-noto-cjk)")
    assert png_size(render_image(SERIES, "png", size=size)) == size


def test_no_gap_no_shading_and_no_data_says_so():
    one = [TrendSeries("x", (YearPoint(2020, 1, 1, 1, 1000), YearPoint(2021, 1, 0, 0, 1000)))]
    assert "no reports" not in svg_texts(render_image(one, "svg"))
    assert "No reports in the library for these years" in svg_texts(
        render_image([TrendSeries("x", ())], "svg"))


def test_gaps_are_runs():
    reports = {2001: 1, 2004: 2, 2006: 1}
    assert _gaps(list(range(2001, 2007)), reports) == [(2002, 2003), (2005, 2005)]
    assert _gaps([2001], {2001: 1}) == []


def test_write_is_atomic_and_refuses_to_replace(tmp_path):
    target = tmp_path / "trend.svg"
    assert write_image(SERIES, target, "svg") == target
    assert "六稳" in svg_texts(target.read_bytes())
    with pytest.raises(OutputError, match="already exists"):
        write_image(SERIES, target, "svg")
    write_image(SERIES[:1], target, "svg", force=True)
    assert "乡村振兴" not in svg_texts(target.read_bytes())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trend.svg"]


def test_a_failed_drawing_leaves_no_file(tmp_path, monkeypatch):
    def broken(*args):
        raise RuntimeError("boom")

    # Latin labels, so the drawing is reached (and fails) on a machine without a CJK font too.
    latin = [TrendSeries("six stabilities", SERIES[0].points)]
    monkeypatch.setattr(chart_image, "_draw", broken)
    for fmt in ("png", "svg"):
        with pytest.raises(RuntimeError, match="boom"):
            write_image(latin, tmp_path / f"trend.{fmt}", fmt)
    assert list(tmp_path.iterdir()) == []


def test_bad_format_and_measure():
    with pytest.raises(ChoiceError):
        render_image(SERIES, "pdf")
    with pytest.raises(ChoiceError):
        render_image(SERIES, "svg", "share")


def test_missing_matplotlib_names_the_extra(monkeypatch):
    real_import = builtins.__import__

    def without_matplotlib(name, *args, **kwargs):
        if name == "matplotlib" or name.startswith("matplotlib."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_matplotlib)
    with pytest.raises(MissingExtraError) as caught:
        render_image(SERIES, "png")
    assert str(caught.value) == "--png needs matplotlib: pip install 'cngloss[chart]'"
    assert caught.value.exit_code == ExitCode.USAGE


def test_png_without_a_cjk_font_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(chart_image, "cjk_font", lambda: None)
    with pytest.raises(chart_image.MissingFontError, match="fonts-noto-cjk"):
        render_image(SERIES, "png")
    # Latin labels need no CJK font; an SVG keeps its text for the viewer's fonts.
    latin = [TrendSeries("six stabilities", SERIES[0].points)]
    assert png_size(render_image(latin, "png", size=(300, 200))) == (300, 200)
    assert "六稳" in svg_texts(render_image(SERIES, "svg"))


def test_cjk_font_prefers_the_list_order():
    assert cjk_font(["SimHei", "WenQuanYi Micro Hei", "DejaVu Sans"]) == "WenQuanYi Micro Hei"
    assert cjk_font(["DejaVu Sans"]) is None


def test_bad_format_and_measure_are_named_with_their_choices():
    with pytest.raises(ChoiceError) as caught:
        render_image(SERIES, "pdf")
    assert str(caught.value) == "the format must be one of: svg, png (got 'pdf')"


def test_the_missing_font_error_says_what_to_install(monkeypatch):
    monkeypatch.setattr(chart_image, "cjk_font", lambda: None)
    with pytest.raises(chart_image.MissingFontError) as caught:
        render_image(SERIES, "png")
    assert str(caught.value) == "no font with Chinese characters found for the PNG " \
        "(install one, e.g. apt-get install fonts-noto-cjk, or use --svg)"


def test_a_cjk_font_is_needed_from_the_cjk_radicals_block_on():
    # U+2E80 starts CJK Radicals Supplement; U+2E7F (the end of Supplemental Punctuation)
    # and anything below is drawn by a Latin font
    assert chart_image._needs_cjk(["a", "\u2e80"])
    assert not chart_image._needs_cjk(["a", "\u2e7f", "é"])


def drawn(series, title=None):
    from matplotlib.figure import Figure
    figure = Figure(figsize=(6, 4))
    chart_image._draw(figure, series, "rate", title)
    return figure.axes


def test_the_drawing_has_a_trend_over_a_log_scale_of_reports_on_shared_years():
    # 2001: 2 reports, 3 uses in 40,000 characters (7.5); 2002 none; 2003: 4 reports, 0 uses
    series = [TrendSeries("六稳", (YearPoint(2001, 2, 1, 3, 40000),
                                   YearPoint(2003, 4, 0, 0, 100000)))]
    top, bottom = drawn(series, "My title")
    assert top.get_title(loc="left") == "My title"
    assert top._left_title.get_fontsize() == 11
    assert top.get_shared_x_axes().joined(top, bottom)
    assert top.get_ylim()[0] == 0
    line = top.get_lines()[0]
    assert (line.get_marker(), line.get_markersize(), line.get_linewidth()) == ("o", 2.5, 1.6)
    assert list(line.get_xdata()) == [2001, 2002, 2003]
    assert line.get_ydata()[0] == 7.5 and line.get_ydata()[1] != line.get_ydata()[1]  # nan
    assert [g.get_linewidth() for g in top.get_ygridlines()][:1] == [0.6]
    assert top.get_legend()._loc == 2  # "upper left"
    assert [round(p.get_width(), 6) for p in bottom.patches if p.get_width() < 1] == [0.8, 0.8]
    assert bottom.get_yscale() == "log"
    assert bottom.get_ylim() == pytest.approx((0.7, 6.4))  # 4 reports * 1.6
    assert bottom.get_ylabel() == "reports\n(log scale)"
    assert bottom.yaxis.label.get_fontsize() == 8
    assert bottom.get_xlim() == (2000.5, 2003.5)
    heights = top.figure.axes[0].get_subplotspec().get_gridspec().get_height_ratios()
    assert list(heights) == [4, 1]


def test_a_drawing_without_reports_says_so_in_the_middle():
    top, _ = drawn([TrendSeries("x", ())])
    assert top.get_title(loc="left") == "Uses per 100,000 characters of each year's reports"
    [text] = top.texts
    assert text.get_text() == "No reports in the library for these years"
    assert text.get_position() == (0.5, 0.5)
    assert (text.get_ha(), text.get_va()) == ("center", "center")
