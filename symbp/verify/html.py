r"""The notes report as one self-contained HTML page, its formulas typeset as MathML.

``symbp verify --notes FILE --report report.html`` writes it. The page needs
no network and no script: every formula is converted to MathML here, in
Python (``latex2mathml``), and browsers render MathML natively. At the top
is the account of every formula found; then one section per checked formula,
anchored by its line (``report.html#line-31``), coloured by its verdict, with
how symbp read it, the counterexample (the point and both values) and the
corrected formula. A formula the converter cannot typeset is shown as its
LaTeX source, never dropped.

>>> from symbp.verify.notes import verify_text
>>> page = to_html(verify_text(r"$$\frac{\partial C}{\partial b^l_j} = 2 \delta^l_j$$", path="week3.md"))
>>> page.startswith("<!DOCTYPE html>"), 'id="line-1"' in page, "refuted" in page
(True, True, True)
"""

from __future__ import annotations

import html
import re

from ..display.mathml import mathml, source
from ..notation import profile

#: Colours of the verdicts: text on a light background, readable in print too.
_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 62rem; margin: 2rem auto;
       padding: 0 1rem; color: #1d1d1f; line-height: 1.45; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; }
.setting { color: #555; margin-top: 0; }
.account { font-size: 1.05rem; padding: .6rem .9rem; background: #f4f4f6; border-radius: 6px; }
section.row { border-left: 6px solid #999; padding: .4rem .9rem .6rem; margin: 1rem 0; background: #fbfbfc; }
section.row:target { outline: 2px solid #3478f6; }
.row header { display: flex; gap: .8rem; align-items: baseline; flex-wrap: wrap; }
.where a { color: #555; text-decoration: none; font-variant-numeric: tabular-nums; }
.verdict { font-weight: 600; padding: 0 .5rem; border-radius: 4px; color: #fff; background: #777; }
.holds { border-left-color: #1a7f37; } .holds .verdict { background: #1a7f37; }
.refuted { border-left-color: #cf222e; } .refuted .verdict { background: #cf222e; }
.undecided, .conditional { border-left-color: #bf8700; } .undecided .verdict, .conditional .verdict { background: #9a6700; }
.unreadable, .uninterpretable { border-left-color: #8c959f; } .unreadable .verdict, .uninterpretable .verdict { background: #6e7781; }
.formula { overflow-x: auto; padding: .3rem 0; }
.label { color: #555; font-size: .9rem; margin: .5rem 0 .1rem; }
.point { display: flex; flex-wrap: wrap; gap: .3rem 1.4rem; }
.corrected { background: #eaf5ec; padding: .2rem .6rem; border-radius: 4px; }
.diagnosis { font-weight: 600; }
code.latex { white-space: pre-wrap; background: #f0f0f2; padding: .1rem .3rem; border-radius: 3px; }
table.skipped { border-collapse: collapse; width: 100%; }
table.skipped td, table.skipped th { border-bottom: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
math[display="block"] { margin: .2rem 0; }
"""

_LONG_VALUE = 40  # characters of an exact value past which only its decimal is shown


def math_html(latex: str, *, display: bool = True) -> str:
    r"""``latex`` as MathML, or as its escaped source in ``<code>`` when it cannot be typeset (``symbp.display.mathml``).

    >>> math_html(r"\notacommand x")
    '<code class="latex">\\notacommand x</code>'
    """
    return mathml(latex, display=display)


_source = source


def _text(words: str) -> str:
    return html.escape(" ".join(str(words).split()))


def _value(exact: str, value: float) -> str:
    # An exact rational when it is short, with its decimal; else the decimal alone.
    m = re.fullmatch(r"(-?)(\d+)/(\d+)", exact or "")
    if m and len(exact) <= _LONG_VALUE:
        latex = rf"{m.group(1)}\frac{{{m.group(2)}}}{{{m.group(3)}}} \approx {value:.6g}"
    elif exact and len(exact) <= _LONG_VALUE and re.fullmatch(r"-?\d+(\.\d+)?", exact):
        latex = exact
    else:
        latex = rf"\approx {value:.6g}"
    return math_html(latex, display=False)


def _plain(latex: str) -> str:
    # The same formula up to spacing and the sentence's punctuation after it ("…\\delta^l_j," in the notes).
    return re.sub(r"[\s.,;:]+$", "", " ".join(latex.replace("\\,", " ").split()))


def _anchor(formula, used: set) -> str:
    base = f"line-{formula.line}" if formula.cell is None else f"cell-{formula.cell}-line-{formula.line}"
    name, n = base, 2
    while name in used:
        name, n = f"{base}-{n}", n + 1
    used.add(name)
    return name


def _where(formula) -> str:
    lines = formula.lines or (formula.line,)
    shown = ", ".join(str(x) for x in lines[:6]) + (" …" if len(lines) > 6 else "")
    word = "line" if len(lines) == 1 else "lines"
    return (f"cell {formula.cell}, " if formula.cell is not None else "") + f"{word} {shown}"


def _row(formula, result, anchor: str, note) -> str:
    status = result.status
    badge = status + (f" · {result.identity}" if result.identity else "")
    out = [f'<section class="row {html.escape(status)}" id="{anchor}">',
           f'<header><span class="where"><a href="#{anchor}">{html.escape(_where(formula))}</a></span>'
           f'<span class="verdict">{html.escape(badge)}</span></header>',
           f'<div class="formula">{math_html(formula.text)}</div>']
    if formula.source and _plain(formula.source) != _plain(formula.text):
        out.append(f'<p class="label">as written in the notes</p><div class="formula">{math_html(formula.source)}</div>')
    if formula.removed:
        out.append('<p class="label">not part of the claim: '
                   + "; ".join(_source(x) for x in formula.removed) + "</p>")
    reading = result.interpretation or {}
    if reading.get("latex") and status != "holds":
        out.append(f'<p class="label">read as</p><div class="formula">{math_html(reading["latex"])}</div>')
    if reading.get("nielsen") and status != "holds":
        out.append(f'<p class="label">in Nielsen\'s notation</p><div class="formula">{math_html(reading["nielsen"])}</div>')
    if reading.get("words") and status != "holds":
        out.append(f"<p>{_text(reading['words'])}</p>")
    if status == "holds":
        done = result.reason or (f"exact on {result.instances} instances" if result.instances else "")
        out.append(f"<p>proved on the family of networks{': ' + _text(done) if done else ''}</p>")
    elif result.reason:
        out.append(f"<p>{_text(result.reason)}</p>")
    cx = result.counterexample
    if cx is not None:
        out.append(_counterexample(cx, note))
    if result.diagnosis:
        out.append(f'<p class="label">the slip</p><p class="diagnosis">{_text(result.diagnosis)}</p>')
    if result.corrected:
        out.append(f'<p class="label">corrected</p><div class="formula corrected">{math_html(result.corrected)}</div>')
    out.append("</section>")
    return "\n".join(out)


def _counterexample(cx, note) -> str:
    out = ['<p class="label">counterexample</p>', f"<p>{_text(cx.instance)}"
           + (f"; σ taken as {_text(cx.activation)}" if cx.activation else "") + "</p>"]
    if cx.reason:
        out.append(f"<p>{_text(cx.reason)}</p>")
    if cx.point:
        cells = [math_html(f"{note.quantity(str(k))} = {v}", display=False) for k, v in cx.point.items()]
        out.append('<div class="point">' + "".join(f"<span>{c}</span>" for c in cells) + "</div>")
    if cx.lhs or cx.rhs:
        out.append(f"<p>left side {_value(cx.lhs, cx.lhs_value)}, right side {_value(cx.rhs, cx.rhs_value)}</p>")
    return "\n".join(out)


class _Alone:
    # A formula checked on its own (not from notes): no line to anchor.
    def __init__(self, text: str):
        self.text, self.source, self.removed, self.cell, self.line, self.lines = text, "", (), None, 0, ()


def verification_html(result) -> str:
    """One ``Verification`` as HTML (what a notebook shows): verdict, reading, counterexample, correction."""
    try:
        note = profile(result.notation)
    except Exception:  # noqa: BLE001 - a profile from a file: Nielsen's names
        note = profile("nielsen")
    row = _row(_Alone(result.formula), result, "formula", note)
    row = row.replace('<header><span class="where"><a href="#formula"></a></span>', "<header>")
    return f"<div><style>{_STYLE[_STYLE.index('section.row'):]}</style>{row}</div>"  # the rows' rules, not the page's


def verification_latex(result) -> str:
    r"""One ``Verification`` as LaTeX: the formula and its verdict, and the corrected formula when there is one."""
    words = result.status + (f" ({result.identity})" if result.identity else "")
    out = rf"$${result.formula} \qquad \text{{{words}}}$$"
    if result.corrected:
        out += rf"$$\text{{corrected: }} {result.corrected}$$"
    return out


def to_html(report, title: "str | None" = None, *, setting: str = "") -> str:
    """The whole page for a ``NotesReport`` (see the module docstring)."""
    rows = report.rows
    notation = rows[0].result.notation if rows else "nielsen"
    try:
        note = profile(notation)
    except Exception:  # noqa: BLE001 - a profile from a file that is gone: Nielsen's names, said so below
        note = profile("nielsen")
    name = title or str(report.path)
    used: set = set()
    account = report.account_line()
    body = [
        f"<h1>Formulas in {html.escape(name)}</h1>",
        f'<p class="setting">checked by symbp in the notation {html.escape(notation)}'
        + (f"; {html.escape(setting)}" if setting else "") + "</p>",
        f'<p class="account">{html.escape(account[0].upper() + account[1:])}.</p>',
        # parts of the notes read in their own weight convention (``sections``): which part in which
        *([f'<p class="setting">{html.escape(" ".join(p.strip() for p in report.parts))}</p>']
          if getattr(report, "parts", ()) else []),
    ]
    for row in rows:
        body.append(_row(row.formula, row.result, _anchor(row.formula, used), note))
    if report.skipped:
        body.append("<h2>Not checked: definitions, math in prose, formulas not typeset</h2>")
        body.append('<table class="skipped"><tr><th>where</th><th>formula</th><th>why</th></tr>')
        for f in report.skipped:
            anchor = _anchor(f, used)
            body.append(f'<tr id="{anchor}"><td><a href="#{anchor}">{html.escape(_where(f))}</a></td>'
                        f"<td>{math_html(f.text, display=False)}</td><td>{_text(f.reason)}</td></tr>")
        body.append("</table>")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>symbp: {html.escape(name)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body) + "\n</body>\n</html>\n"
    )
