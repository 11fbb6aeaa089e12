"""The HTML report over the seed ledger: one offline file, charts, escaping, every outlet."""
from __future__ import annotations

import re
import shutil
import sqlite3
from html import unescape

import pytest

from newsledger import store
from newsledger.csp import source_hash
from newsledger.report import html
from newsledger.report.chart import timeline_svg
from newsledger.report.view import ClaimView, MentionView, Section, sections


@pytest.fixture(scope="module")
def conn(seed_db):
    c = store.connect(seed_db)
    yield c
    c.close()


@pytest.fixture(scope="module")
def report(conn) -> str:
    return html.render(conn)


@pytest.fixture
def scratch(seed_db, tmp_path) -> sqlite3.Connection:
    """A copy of the seed ledger a test may change."""
    path = tmp_path / "copy.db"
    shutil.copy(seed_db, path)
    c = store.connect(path)
    yield c
    c.close()


def test_report_is_one_document_with_no_external_assets(report):
    assert report.count("<html") == 1 and report.rstrip().endswith("</html>")
    assert not re.search(r"""src\s*=""", report, re.I)
    assert not re.search(r"<(script|link|img|iframe)\b|@import|url\(", report, re.I)


def test_report_links_outside_only_from_anchors_to_the_originals(report):
    outside = re.findall(r"""<(\w+)\s[^>]*href\s*=\s*["']?\s*(?:https?:)?//""", report, re.I)
    assert outside and set(outside) == {"a"}


def test_report_links_a_document_title_to_its_original(scratch):
    scratch.execute("UPDATE documents SET title = 'Floods in the valley', url = 'https://news.example.org/floods' "
                    "WHERE doc = '003_358d319b90d9cb9c'")
    out = html.render(scratch)
    assert '<a href="https://news.example.org/floods" rel="noreferrer noopener">Floods in the valley</a>' in out


def test_report_shows_a_javascript_url_as_text(scratch):
    scratch.execute("UPDATE documents SET title = 'Floods in the valley', url = 'javascript:alert(1)' "
                    "WHERE doc = '003_358d319b90d9cb9c'")
    out = html.render(scratch)
    assert "javascript:alert(1)</span>" in out and not re.search(r"href\s*=\s*[\"']?\s*javascript:", out, re.I)


def test_report_draws_a_timeline_chart_per_section(report, conn):
    drawn = [s for s in sections(conn, include_other=False) if any(c.stated_on for c in s.claims)]
    assert report.count("<svg class=\"timeline\"") == len(drawn) > 0


def test_report_escapes_a_title_containing_script(scratch):
    scratch.execute("UPDATE documents SET title = ? WHERE doc = '003_358d319b90d9cb9c'",
                    ("Losses <script>alert('x')</script> & more",))
    out = html.render(scratch)
    assert "<script>" not in out
    assert "Losses &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in out


def test_report_lists_every_outlet_of_every_claim(report, conn):
    for sec in sections(conn, include_other=False):
        for c in sec.claims:
            for m in c.mentions:
                assert html.escape(m.source) in report, (c.claim, m.source)


def test_report_marks_each_figure_inside_its_quoted_sentence(report, conn):
    mentions = [m for s in sections(conn, include_other=False) for c in s.claims for m in c.mentions]
    for m in mentions:
        before, fig, after = m.quote_parts()
        assert fig == m.text
        assert f"{html.escape(before)}<mark>{html.escape(fig)}</mark>{html.escape(after)}" in report


def test_report_states_the_consensus_rule(report):
    assert html.escape(html.BAND_RULE) in report


def test_report_quotes_both_sides_of_a_conflict():
    ms = [MentionView("d1", "Korea Times", "dozens", "in the realm of dozens", 16, 22, None, low=24, high=99),
          MentionView("d2", "Daily Blah", "hundreds", "hundreds died, Kirby said", 0, 8, None, low=200, high=999)]
    c = ClaimView("C1", "2024-12-16", "John Kirby", "dozens", 24, 99, None, "casualties", "soldiers", ms, 2)
    from newsledger.link.timeline import mark_timeline
    sec = Section("s", "casualties", [c], "story", mark_timeline([c]))
    out = html.section_html(sec)
    assert "in the realm of <mark>dozens</mark>" in out and "<mark>hundreds</mark> died, Kirby said" in out
    assert 'class="conflict"' in out


def test_copies_are_folded_under_their_original():
    orig = MentionView("wire", "Wire", "1,000", "1,000 killed", 0, 5, None, published="2024-12-27")
    copy = MentionView("copy", "Reprint", "1,000", "1,000 killed", 0, 5, "wire", published="2024-12-28")
    c = ClaimView("C1", "2024-12-27", "Kirby", "1,000", 1000, 1000, None, "killed", "", [copy, orig], 1)
    out = html.carried_html(c, html.Links())
    assert out.index(">Wire<") < out.index("<details") < out.index(">Reprint<")


def test_chart_uses_a_log_scale_for_a_wide_range_and_arrows_for_open_bounds():
    cs = [ClaimView("a", "2024-12-16", "Kirby", "dozens", 24, 99, None, "casualties", ""),
          ClaimView("b", "2024-12-23", "Zelensky", "more than 3,000", 3000, None, None, "casualties", "")]
    svg = timeline_svg(Section("s", "casualties", cs))
    assert ">log scale<" in svg and svg.count('class="arrow"') == 1 and "Zelensky" in svg


def test_non_english_documents_are_listed_as_not_extracted(scratch):
    scratch.execute("UPDATE documents SET language = 'de', skipped = 'language de' WHERE doc = '000_6177fd27f8000f68'")
    out = html.render(scratch)
    assert "not extracted yet: 000_6177fd27f8000f68 (de" in out


def test_report_carries_its_policy_before_its_one_style_block(report):
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', report)
    styles = re.findall(r"<style>(.*?)</style>", report, re.S)
    assert meta and len(styles) == 1 and meta.start() < report.index("<style>")
    policy = unescape(meta.group(1))
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert f"style-src {source_hash(styles[0])};" in policy


def test_report_tells_the_browser_to_send_no_referrer(report):
    assert '<meta name="referrer" content="no-referrer">' in report
