"""A timeline as inline SVG: each claim drawn as its bounds over its date, one colour and marker
per speaker. No script and no external asset, so the chart survives being saved or mailed.

A point is an exact figure, a bar a range, an arrow an open bound ("more than" points up);
a dashed, hollow mark is a figure for a period ("in the past week") rather than a running total.
The value axis is logarithmic when the figures span more than a factor of 20.
"""
from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Callable
from dataclasses import dataclass

from ..link.timeline import scope
from .view import Section, bounds

# Okabe–Ito, distinguishable with the common colour-vision deficiencies; markers differ too.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F3C8D", "#8C6D31"]
MARKERS = ["circle", "square", "diamond", "triangle"]
OUTLET = "the outlet (own voice)"
OUTLET_COLOUR = "#777777"

W, H = 860, 250
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 16, 36


@dataclass
class Style:
    colour: str
    marker: str


def speaker_styles(sec: Section) -> dict[str, Style]:
    """A stable style per speaker, in order of first appearance (the legend's order)."""
    out: dict[str, Style] = {}
    for c in sec.claims:
        name = c.speaker or OUTLET
        if name in out:
            continue
        if name == OUTLET:
            out[name] = Style(OUTLET_COLOUR, "circle")
        else:
            i = sum(1 for k in out if k != OUTLET)
            out[name] = Style(PALETTE[i % len(PALETTE)], MARKERS[i % len(MARKERS)])
    return out


def short(v: float, unit: str | None = None) -> str:
    """Axis labels: 1k, 25k, 1.5m, 3bn."""
    if unit in {"fraction", "%"}:
        return f"{v:g}"
    for scale, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(v) >= scale:
            return f"{v / scale:g}{suffix}"
    return f"{v:g}"


class _Scale:
    def __init__(self, values: list[float]):
        lo, hi = min(values), max(values)
        self.log = lo > 0 and hi / lo > 20
        if self.log:
            self.lo = 10 ** math.floor(math.log10(lo))
            self.hi = 10 ** math.ceil(math.log10(hi))
            if self.hi == self.lo:
                self.hi *= 10
        else:
            step = _nice_step(hi * 1.15 if hi > 0 else 1)
            self.lo = 0.0 if lo >= 0 else math.floor(lo / step) * step
            self.hi = math.ceil(hi * 1.15 / step) * step if hi > 0 else step
            self.step = step

    def y(self, v: float) -> float:
        span = H - TOP - BOTTOM
        if self.log:
            v = max(v, self.lo)
            t = (math.log10(v) - math.log10(self.lo)) / (math.log10(self.hi) - math.log10(self.lo))
        else:
            t = (v - self.lo) / (self.hi - self.lo)
        return H - BOTTOM - t * span

    def ticks(self) -> list[float]:
        if self.log:
            out, v = [], self.lo
            while v <= self.hi * 1.0001:
                out.append(v)
                v *= 10
            return out
        n = round((self.hi - self.lo) / self.step)
        return [self.lo + i * self.step for i in range(n + 1)]


def _nice_step(top: float) -> float:
    raw = top / 5
    mag = 10 ** math.floor(math.log10(raw))
    return next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)


def _marker(kind: str, x: float, y: float, colour: str, hollow: bool) -> str:
    fill = "#fff" if hollow else colour
    common = f'fill="{fill}" stroke="{colour}" stroke-width="2"'
    if kind == "square":
        return f'<rect x="{x - 4.5:.1f}" y="{y - 4.5:.1f}" width="9" height="9" {common}/>'
    if kind == "diamond":
        return f'<path d="M{x:.1f} {y - 6:.1f}L{x + 6:.1f} {y:.1f}L{x:.1f} {y + 6:.1f}L{x - 6:.1f} {y:.1f}Z" {common}/>'
    if kind == "triangle":
        return f'<path d="M{x:.1f} {y - 6:.1f}L{x + 5.5:.1f} {y + 4:.1f}L{x - 5.5:.1f} {y + 4:.1f}Z" {common}/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" {common}/>'


def _arrow(x: float, y: float, up: bool, colour: str) -> str:
    d = -1 if up else 1
    return (f'<path class="arrow" d="M{x - 5:.1f} {y - d * 7:.1f}L{x:.1f} {y:.1f}L{x + 5:.1f} {y - d * 7:.1f}" fill="none" '
            f'stroke="{colour}" stroke-width="2"/>')


def timeline_svg(sec: Section, href: Callable[[object], str | None] | None = None) -> str:
    """The section's claims over time; empty when no claim has both a date and a bound."""
    drawn = [c for c in sec.claims if c.stated_on and (c.low is not None or c.high is not None)]
    if not drawn:
        return ""
    styles = speaker_styles(sec)
    values = [v for c in drawn for v in (c.low, c.high) if v is not None]
    sy = _Scale(values)
    dates = sorted({dt.date.fromisoformat(c.stated_on) for c in drawn})
    first, last = dates[0], dates[-1]
    pad = max(1, (last - first).days // 12) if last > first else 3
    d0, d1 = first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)

    def x(d: dt.date) -> float:
        return LEFT + (d - d0).days / (d1 - d0).days * (W - LEFT - RIGHT)

    out = [f'<svg class="timeline" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" '
           f'aria-label="{html.escape(sec.measure)}: figures over time by speaker">']
    for t in sy.ticks():
        yy = sy.y(t)
        out.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{yy:.1f}" y2="{yy:.1f}" class="grid"/>'
                   f'<text x="{LEFT - 8}" y="{yy + 4:.1f}" text-anchor="end" class="tick">{html.escape(short(t, drawn[0].unit))}</text>')
    band = sec.band
    if band is not None and band.best is not None and band.unit == drawn[0].unit:
        top = sy.y(band.high) if band.high is not None else TOP
        bottom = sy.y(band.low) if band.low is not None else H - BOTTOM
        out.append(f'<rect x="{LEFT}" y="{top:.1f}" width="{W - LEFT - RIGHT}" height="{max(bottom - top, 1):.1f}" '
                   f'class="band"><title>consensus band {html.escape(bounds(band.low, band.high, band.unit))}</title></rect>')
        yb = sy.y(band.best)
        out.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{yb:.1f}" y2="{yb:.1f}" class="best"/>'
                   f'<text x="{LEFT + 4}" y="{yb - 5:.1f}" class="bandlabel">best {html.escape(short(round(band.best, 2 - int(math.floor(math.log10(abs(band.best))))) if band.best else 0, band.unit))}</text>')
    last_x = -1e9
    for d in dates:
        if x(d) - last_x < 80:  # labels this close would overprint; the marks still show the day
            continue
        last_x = x(d)
        out.append(f'<line x1="{x(d):.1f}" x2="{x(d):.1f}" y1="{H - BOTTOM}" y2="{H - BOTTOM + 5}" class="axis"/>'
                   f'<text x="{x(d):.1f}" y="{H - BOTTOM + 19}" text-anchor="middle" class="tick">{d:%d %b %Y}</text>')
    out.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{H - BOTTOM}" y2="{H - BOTTOM}" class="axis"/>')
    if sy.log:
        out.append(f'<text x="{LEFT}" y="{H - 4}" class="tick">log scale</text>')
    same_day: dict[str, list] = {}
    for c in drawn:
        same_day.setdefault(c.stated_on, []).append(c)
    for day, cs in same_day.items():
        for k, c in enumerate(cs):
            cx = x(dt.date.fromisoformat(day)) + (k - (len(cs) - 1) / 2) * 14
            out.append(_claim_mark(c, cx, sy, styles[c.speaker or OUTLET], href))
    out.append("</svg>")
    return "".join(out)


def _claim_mark(c, cx: float, sy: _Scale, st: Style, href) -> str:
    hollow = scope(c) != "cumulative"
    dash = ' stroke-dasharray="4 3"' if hollow else ""
    label = (f"{c.speaker or OUTLET}: “{c.text}” = {bounds(c.low, c.high, c.unit)}, {c.stated_on}"
             + (f", {c.period}" if c.period else "") + (f" — {c.status}" if c.status else ""))
    parts = [f"<title>{html.escape(label)}</title>"]
    if c.status == "conflict":
        ends = [sy.y(v) for v in (c.low, c.high) if v is not None]
        yy = sum(ends) / len(ends)
        parts.append(f'<circle cx="{cx:.1f}" cy="{yy:.1f}" r="10" class="halo"/>')
    if c.low is not None and c.high is not None and c.low == c.high:
        parts.append(_marker(st.marker, cx, sy.y(c.low), st.colour, hollow))
    elif c.low is not None and c.high is not None:
        y0, y1 = sy.y(c.low), sy.y(c.high)
        parts.append(f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{y0:.1f}" y2="{y1:.1f}" stroke="{st.colour}" stroke-width="4"{dash}/>'
                     f'<line x1="{cx - 6:.1f}" x2="{cx + 6:.1f}" y1="{y0:.1f}" y2="{y0:.1f}" stroke="{st.colour}" stroke-width="2"/>'
                     f'<line x1="{cx - 6:.1f}" x2="{cx + 6:.1f}" y1="{y1:.1f}" y2="{y1:.1f}" stroke="{st.colour}" stroke-width="2"/>')
        parts.append(_marker(st.marker, cx, (y0 + y1) / 2, st.colour, True))
    else:
        up = c.high is None
        y0 = sy.y(c.low if up else c.high)
        y1 = max(TOP, y0 - 34) if up else min(H - BOTTOM, y0 + 34)
        parts.append(f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{y0:.1f}" y2="{y1:.1f}" stroke="{st.colour}" stroke-width="3"{dash}/>'
                     + _arrow(cx, y1, up, st.colour) + _marker(st.marker, cx, y0, st.colour, hollow))
    g = f'<g class="mark">{"".join(parts)}</g>'
    link = href(c) if href else None
    return f'<a href="{html.escape(link)}">{g}</a>' if link else g


def legend_html(sec: Section) -> str:
    items = []
    for name, st in speaker_styles(sec).items():
        swatch = (f'<svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">'
                  f'{_marker(st.marker, 0, 0, st.colour, False)}</svg>')
        items.append(f'<span class="key">{swatch} {html.escape(name)}</span>')
    undated = sum(1 for c in sec.claims if not c.stated_on)
    note = ('<span class="hint">point = exact · bar = range · arrow = open bound (“more than”) · '
            'hollow/dashed = figure for a period · shaded = consensus band</span>')
    if undated:
        note += f' <span class="hint">({undated} undated claim{"s" if undated > 1 else ""} not drawn)</span>'
    return f'<div class="legend">{"".join(items)}</div><div class="legend">{note}</div>'
