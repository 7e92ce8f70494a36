r"""A training history as a small SVG picture: loss and accuracy per epoch (for notebooks).

Drawn here, in a few lines of SVG, so a notebook shows the curves without
matplotlib.

>>> from symbp.numeric.train import History
>>> svg = history_svg(History(loss=[1.0, 0.5, 0.25], accuracy=[0.5, 0.75, 1.0]))
>>> svg.startswith("<svg") and svg.count("<polyline") == 2
True
"""

from __future__ import annotations

import html
import math

_W, _H, _PAD = 300, 150, 34
_COLOURS = {"train": "#1f77b4", "test": "#ff7f0e"}


def _polyline(values, lo: float, hi: float, x0: float, colour: str, dashed: bool = False) -> str:
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return ""
    span = (hi - lo) or 1.0
    n = len(values)
    points = []
    for i, v in enumerate(values):
        if not math.isfinite(v):
            continue
        x = x0 + _PAD + (_W - 1.5 * _PAD) * (i / max(n - 1, 1))
        y = _H - _PAD + 10 - (_H - _PAD) * (v - lo) / span
        points.append(f"{x:.1f},{y:.1f}")
    dash = ' stroke-dasharray="4 3"' if dashed else ""
    return f'<polyline fill="none" stroke="{colour}" stroke-width="1.6"{dash} points="{" ".join(points)}"/>'


def _panel(title: str, series: dict, x0: float, epochs: int, fixed: "tuple | None" = None) -> list[str]:
    values = [v for vs in series.values() for v in vs if math.isfinite(v)]
    lo, hi = fixed or ((min(values), max(values)) if values else (0.0, 1.0))
    out = [f'<text x="{x0 + _W / 2:.0f}" y="14" text-anchor="middle" font-size="12">{html.escape(title)}</text>',
           f'<rect x="{x0 + _PAD}" y="20" width="{_W - 1.5 * _PAD}" height="{_H - _PAD - 10}" fill="none" stroke="#bbb"/>',
           f'<text x="{x0 + _PAD - 4}" y="26" text-anchor="end" font-size="10">{hi:.3g}</text>',
           f'<text x="{x0 + _PAD - 4}" y="{_H - _PAD + 10}" text-anchor="end" font-size="10">{lo:.3g}</text>',
           f'<text x="{x0 + _W / 2:.0f}" y="{_H - 6}" text-anchor="middle" font-size="10">epoch 1…{epochs}</text>']
    for name, vs in series.items():
        out.append(_polyline(vs, lo, hi, x0, _COLOURS[name], dashed=name == "test"))
    return out


def history_svg(history) -> str:
    """Two panels, loss and accuracy, train (solid) and test (dashed) when recorded."""
    loss = {"train": list(history.loss)}
    acc = {"train": list(history.accuracy)}
    if history.test_loss:
        loss["test"] = list(history.test_loss)
        acc["test"] = list(history.test_accuracy)
    body = _panel("loss", loss, 0, history.epochs) + _panel("accuracy", acc, _W, history.epochs, (0.0, 1.0))
    legend = ('<text x="8" y="{y}" font-size="10" fill="{c}">{n}</text>')
    body += [legend.format(y=_H - 6 - 12 * k, c=_COLOURS[n], n=n + (" (dashed)" if n == "test" else ""))
             for k, n in enumerate(loss)]
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * _W}" height="{_H}" '
            f'viewBox="0 0 {2 * _W} {_H}" font-family="sans-serif">' + "".join(body) + "</svg>")
