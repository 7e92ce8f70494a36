r"""Proof documents: complete LaTeX ``article`` files built from certificates.

A document states each identity, defines the quantities in the reader's
notation, and typesets the certificate's checked steps as the lines of an
``align*``, each with its justification in words. Nothing in a proof is typed
here: every line is a ``Step`` a prover checked. A certificate that is
``refuted`` or ``undecided`` is never typeset as a proof: the document states
the verdict and shows the counterexample or the reason.

The words of the document are data (``PHRASES``, ``JUSTIFICATIONS``), keyed
by language, so a translation is a new dictionary, not new code.

>>> from symbp.certificate import Certificate
>>> c = Certificate(identity="BP3", network={"sizes": [1, 1]}, method="exact",
...                 verdict="undecided", reason="the time budget of 1 s ran out")
>>> body = certificate_body(c, "nielsen")
>>> "Proof" in body, "undecided" in body
(False, True)
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..errors import NotationError
from ..notation import Notation, profile
from .render import bias, matrix, neuron, partial, sigma_prime_matrix, symbol_latex, weight
from .phrases import COST_DEFINITIONS, JUSTIFICATIONS, PHRASES  # noqa: F401 (the words are data, kept there)
from .retarget import NotConvertible
from .symbols import check_printable
from .proof import Checks, Lemmas, align, lemma_environments, split_lemmas
from .typeset import math, preamble, split_remark, text


def phrase(key: str, lang: str = "en", **values) -> str:
    table = PHRASES.get(lang)
    if table is None:
        raise NotationError(f"no document language {lang!r}; known: {', '.join(PHRASES)}")
    template = table.get(key, PHRASES["en"][key])
    return template.format(**values)


def justification(why: str, lang: str = "en") -> str:
    return JUSTIFICATIONS.get(lang, {}).get(why, why)


# -- sections ------------------------------------------------------------------


def notation_section(notation, lang: str = "en") -> str:
    p = profile(notation)
    check_printable(p)
    lines = [
        phrase("notation_intro", lang, name=text(p.name), source=text(p.source or p.description)),
        phrase(
            "weight_meaning", lang,
            w=f"${weight('l', 'j', 'k', p)}$", k="$k$", j="$j$",
            lm1="$l-1$", l="$l$",
        ),
    ]
    if p.bias_column:
        lines.append(phrase("bias_column", lang, x0=f"${p.names['input']}_{{0}} = 1$", W=f"${matrix('l', p)}$"))
    if p.layer_shift:
        lines.append(phrase("layer_shift", lang, first=f"${1 + p.layer_shift}$"))
    return f"\\section*{{{phrase('notation', lang)}}}\n" + "\n".join(lines) + "\n"


def definitions_section(notation, costs: Iterable[str] = ("quadratic",), lang: str = "en") -> str:
    r"""The forward pass, δ and the costs, written from the profile's data."""
    p = profile(notation)
    z_lj, a_lj = neuron("z", "l", "j", p), neuron("a", "l", "j", p)
    if p.bias_column:
        x_prev = lambda k: f"{p.names['input']}^{{{p.layer('l-1')}}}_{{{k}}}"  # noqa: E731
        forward = (
            rf"{z_lj} &= \sum_{{k=0}}^{{n^{{{p.layer('l-1')}}}}} {weight('l', 'j', 'k', p)} {x_prev('k')},"
            rf" \qquad {x_prev(0)} = 1,\ {x_prev('k')} = {neuron('a', 'l-1', 'k', p)} \ (k \geq 1)"
        )
    else:
        forward = (
            rf"{z_lj} &= \sum_{{k}} {weight('l', 'j', 'k', p)} {neuron('a', 'l-1', 'k', p)}"
            rf" + {bias('l', 'j', p)}"
        )
    rows = [
        forward,
        rf"{a_lj} &= {p.sigma}({z_lj}), \qquad {p.names['a']}^{{{p.layer(1)}}} = {p.names['input']}",
        rf"{neuron('delta', 'l', 'j', p)} &\equiv {partial(p.cost, z_lj)}",
    ]
    fill = dict(C=p.cost, aL=f"{p.names['a']}^{{{p.layer('L')}}}", zL=f"{p.names['z']}^{{{p.layer('L')}}}",
                y=p.names["target"])
    for name in dict.fromkeys(costs):
        if name in COST_DEFINITIONS:
            body = COST_DEFINITIONS[name].format(**fill)
            label = text(phrase("cost_label", lang, name=name))
            rows.append(body.replace(" = ", " &= ", 1) + rf" && \text{{\small {label}}}")
    hadamard = phrase(
        "hadamard", lang, u="$u \\odot v$",
        S=f"${sigma_prime_matrix('l', p)}$", sp=f"${p.sigma}'({neuron('z', 'l', 'j', p)})$",
    )
    return (
        f"\\section*{{{phrase('definitions', lang)}}}\n\\begin{{align*}}\n"
        + " \\\\\n".join(rows)
        + f"\n\\end{{align*}}\n{hadamard}\n"
    )


class _Doc:
    # One document's running state: the lemmas proved so far (numbered), the checks for the table at the end.
    def __init__(self):
        self.lemmas, self.checks = Lemmas(), Checks()

    def end(self, notation, lang: str) -> str:
        return self.checks.section(phrase("checks", lang), text(phrase("checks_intro", lang)), notation)


def certificate_body(cert, notation="nielsen", *, lang: str = "en", standalone: bool = False, doc=None) -> str:
    """One certificate as LaTeX: its lemmas, the statement, where checked, then the proof or the verdict.

    ``standalone`` leaves out the source and the network (for ``to_latex``); ``doc`` carries the lemma
    numbers and the machine-check table of the document it goes into (without one, the table follows).
    """
    own = doc is None
    doc = doc or _Doc()
    check_printable(profile(notation))

    def build(p):
        parts = [lemma_environments(cert, p, doc.lemmas, doc.checks, justify=lambda w: justification(w, lang)),
                 _statement_body(cert, p, lang, source=not standalone)]
        if not standalone:
            parts.append(f"\\paragraph{{{phrase('network', lang)}.}} {_network_line(cert, lang, p)}")
        parts.append(_verdict_body(cert, p, lang, doc))
        if own:
            parts.append(doc.end(p, lang))
        return "\n\n".join(q for q in parts if q) + "\n"

    return _as_written(build, notation, lang)


def _as_written(build, notation, lang: str) -> str:
    # Formulas that cannot be re-indexed into ``notation`` (Dyda's folded bias,
    # seed 004's row-vector statements) are shown as the prover wrote them, all
    # of a certificate at once, and the text says so: never half converted.
    try:
        return build(profile(notation))
    except NotConvertible as exc:
        said = text(phrase("shown_as_written", lang, name=exc.source.name, source=exc.source.source))
        return said + "\n\n" + build(exc.source)
    except NotationError as exc:
        reason = str(exc).split(", in the formula")[0]
        said = text(phrase("not_reindexed", lang, reason=reason))
        return said + "\n\n" + build(profile("nielsen"))


def _statement_body(cert, p: Notation, lang: str, *, source: bool = True, theorem: bool = False) -> str:
    parts = []
    formula, remark, condition = split_remark(cert.statement)  # the display holds a formula verify reads (rv48)
    shown = f"\\[ {math(formula, p)} \\]" + (f"\n{phrase(remark, lang, m=f'${math(condition, p)}$')}" if remark else "")
    if cert.statement and theorem:  # every certificate of it holds: a theorem, its lemmas proved before it
        parts.append(f"\\begin{{theorem}}[{text(cert.identity)}]\n{shown}\n\\end{{theorem}}")
    elif cert.statement:
        parts.append(f"\\paragraph{{{phrase('statement', lang)}.}}\n{shown}")
    if cert.source and source:
        parts.append(f"\\paragraph{{{phrase('source', lang)}.}} {text(cert.source, p)}")
    return "\n\n".join(parts)


def _network_line(cert, lang: str, p: "Notation | None" = None) -> str:
    # No timings: a document must be the same each time it is regenerated. The targets in ``p``'s letter (rv48 D5).
    net = cert.network or {}
    if "function" in net:
        return text(phrase("function_line", lang, name=net["function"], method=cert.method))
    acts = _activations(net)
    extra = ""
    if net.get("cost") == "softmax-cross-entropy":
        extra = phrase("one_hot" if net.get("one_hot") else "free_targets", lang,
                       y=(p or profile("nielsen")).names["target"])
    if net.get("batch"):
        extra += phrase("batch", lang, m=net["batch"])
    return text(phrase(
        "network_line", lang, sizes=str(net.get("sizes", "?")), act=str(acts), cost=str(net.get("cost", "?")),
        extra=extra, method=cert.method, instances=cert.instances,
    ))


def _verdict_body(cert, p: Notation, lang: str, doc=None) -> str:
    doc = doc or _Doc()
    why = lambda w: justification(w, lang)  # noqa: E731
    _, steps = split_lemmas(cert)  # the lemmas' own steps are set as lemmas, before
    title = f"{cert.identity}, {_network_label(cert.network or {})}"

    def lines(rows):
        return align(rows, p, doc.lemmas, doc.checks, title, justify=why)

    if cert.verdict in ("proved", "proved-for-all-sizes"):
        if not steps:
            return text(phrase("no_steps", lang, verdict=cert.verdict))
        return (
            f"\\begin{{proof}}[{phrase('proof', lang)}]\n{lines(steps)}\n"
            f"{text(phrase('checked_note', lang, method=cert.method))}\n\\end{{proof}}"
        )
    if cert.verdict == "probably-true":
        body = text(phrase("probably_true", lang, points=cert.points, bound=cert.error_bound or "?"))
        if steps:
            body = f"\\paragraph{{{phrase('evidence', lang)}.}}\n{lines(steps)}\n{body}"
        return body
    if cert.verdict == "refuted":
        out = [text(phrase("refuted", lang))]
        if cert.counterexample is not None:
            out.append(_counterexample(cert.counterexample, p, lang))
        if cert.reason:
            out.append(f"\\paragraph{{{phrase('reason', lang)}.}} {_with_remainder(cert.reason, p)}")
        return "\n\n".join(out)
    out = [text(phrase("undecided", lang))]
    if cert.reason:
        out.append(f"\\paragraph{{{phrase('reason', lang)}.}} {_with_remainder(cert.reason, p)}")
    remaining = (cert.details or {}).get("remaining")
    if remaining:
        out.append(f"{text(phrase('remaining', lang))}\n\\[ {math(str(remaining), p)} \\]")
    if steps:  # how far the prover got; the table at the end says which line failed
        out.append(f"\\paragraph{{{phrase('attempt', lang)}.}}\n{lines(steps)}")
    return "\n\n".join(out)


def _with_remainder(words: str, p: Notation) -> str:
    # Provers end a failure with "remainder <LaTeX>"; typeset that part as math.
    head, found, tail = words.rpartition("remainder ")
    if not found:
        return text(words, p)
    formula, sep, rest = tail.partition("; ")
    try:
        shown = f"{text(head + found, p)}\n\\[ {math(formula.strip(), p)} \\]"
    except NotationError:
        return text(words, p)
    return shown + (f"\n{text(rest, p)}" if sep else "")


_LONG = 100  # characters of LaTeX in a step past which its justification goes on the next row
_WORDS = 60  # characters of a justification past which it goes under, wrapped
SMALL, FOOTNOTE = "\\small", "\\footnotesize"


def _align(steps: Sequence, p: Notation, why, *, checked: bool = True) -> str:
    # ``checked=False`` gives plain math for MathJax (no size commands, no notes).
    lines, previous = [], None
    # One long step (or long words) widens a column for every row: then all
    # words go under the formulas, in paragraphs that wrap.
    long = checked and any(
        len(math(s.lhs, p)) + len(math(s.rhs, p)) > _LONG or len(why(s.why)) > _WORDS or len(s.checked) > _WORDS
        for s in steps
    )

    def note(words: str, size: str) -> str:
        if long:
            return rf"& \qquad \parbox[t]{{0.6\textwidth}}{{\raggedright{size} {words}}}"
        return rf"&& \text{{{size} {words}}}" if checked else rf"&& \text{{{words}}}"

    for step in steps:
        lhs = "" if previous is not None and step.lhs.strip() == previous else math(step.lhs, p)
        rhs, words = math(step.rhs, p), text(why(step.why), p)
        beside = note(words, SMALL)
        if long:  # no room beside it: the words go under the formula
            lines += [rf"{lhs} &= {rhs}", beside]
        else:
            lines.append(rf"{lhs} &= {rhs} {beside}")
        if step.checked and checked:  # how it was checked, in smaller type under the justification
            small = note(text(step.checked, p), FOOTNOTE)
            lines.append(small if long else "&" + small)
        previous = step.rhs.strip()
    return "\\begin{align*}\n" + " \\\\\n".join(lines) + "\n\\end{align*}"


_RATIONAL = re.compile(r"-?\d+(?:\.\d+)?(?:/\d+)?")


def _value(v) -> str:
    s = str(v).strip()
    if _RATIONAL.fullmatch(s):
        if "/" in s:
            num, den = s.split("/")
            sign = "-" if num.startswith("-") else ""
            return rf"{sign}\tfrac{{{num.lstrip('-')}}}{{{den}}}"
        return s
    return rf"\texttt{{{text(s)}}}"


def _exact_or_approx(exact: str, value: float) -> str:
    # The exact value when it fits on a line; past that, its decimal (the
    # certificate's JSON keeps every digit).
    if exact and len(exact) <= 40:
        return f"= {_value(exact)} \\approx {value:.6g}"
    return f"\\approx {value:.6g}"


def _counterexample(cx, p: Notation, lang: str) -> str:
    act = phrase("activation_note", lang, act=text(cx.activation)) if cx.activation else ""
    head = phrase("cx_instance", lang, instance=text(str(cx.instance), p), activation=act)
    entries = []
    for name, value in cx.point.items():
        shown = symbol_latex(str(name), p)
        if shown is None:
            shown = r"\text{" + text(str(name)) + "}"
        entries.append(f"{shown} &= {_value(value)}")
    out = f"\\paragraph{{{phrase('counterexample', lang)}.}} "
    if not entries:  # e.g. a shape mismatch: no point is needed, the reason says it all
        return out + text(cx.reason or cx.instance, p)
    per_row = 4  # keep each row of the point within the page
    rows = [" & ".join(entries[i : i + per_row]) for i in range(0, len(entries), per_row)]
    point = "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}"
    values = (
        "\\begin{align*}\n"
        rf"\text{{LHS}} &{_exact_or_approx(cx.lhs, cx.lhs_value)} \\"
        "\n"
        rf"\text{{RHS}} &{_exact_or_approx(cx.rhs, cx.rhs_value)}"
        "\n\\end{align*}"
    )
    same = (cx.lhs and cx.lhs == cx.rhs) or cx.lhs_value == cx.rhs_value
    # A counterexample whose two recorded values agree shows nothing by itself:
    # say so rather than claim they differ.
    said = text(phrase("cx_same", lang, value=cx.lhs or f"{cx.lhs_value:.6g}")) if same else phrase("cx_values", lang)
    out += f"{head}\n{point}\n{said}\n{values}"
    if cx.reason:
        out += f"\n{text(cx.reason, p)}"
    return out


# -- whole documents -------------------------------------------------------------

_PREAMBLE = preamble("amsmath,amsthm,array", "\\newtheorem{theorem}{Theorem}\n\\newtheorem{lemma}{Lemma}\n")


def _wrap(title: str, body: str, *, contents: bool = False) -> str:
    return (
        _PREAMBLE
        + f"\\title{{{title}}}\n\\author{{symbp}}\n\\date{{}}\n\\begin{{document}}\n\\maketitle\n"
        + ("\\tableofcontents\n" if contents else "")
        + "\n" + body
        + "\n\\end{document}\n"
    )


def _costs(certs) -> list[str]:
    return [str((c.network or {}).get("cost", "quadratic")) for c in certs if "function" not in (c.network or {})]


def identity_section(
    certs: Sequence, notation="nielsen", *, lang: str = "en", numbered: bool = True, name: str | None = None,
    doc=None,
) -> str:
    """A section for one identity (titled ``name``): the lemmas it uses, proved first; its statement (a theorem
    when every certificate holds); then each certificate, one per network checked."""
    if not certs:
        raise ValueError("an identity section needs at least one certificate")
    own = doc is None
    doc = doc or _Doc()
    star = "" if numbered else "*"
    out = [f"\\section{star}{{{text(name or certs[0].identity)}}}"]
    theorem = all(c.holds and c.verdict != "probably-true" for c in certs)
    justify = lambda w: justification(w, lang)  # noqa: E731
    out.append(_as_written(lambda p: "\n\n".join(
        q for q in (lemma_environments(c, p, doc.lemmas, doc.checks, justify=justify) for c in certs) if q),
        notation, lang))
    out.append(_as_written(lambda p: _statement_body(certs[0], p, lang, theorem=theorem), notation, lang))
    for cert in certs:
        if len(certs) > 1:
            label = _network_label(cert.network or {})
            out.append(f"\\subsection*{{{text(phrase('checked_on', lang, label=label))}}}")
        out.append(f"\\paragraph{{{phrase('network', lang)}.}} {_network_line(cert, lang, profile(notation))}\n")
        out.append(_as_written(lambda p, c=cert: _verdict_body(c, p, lang, doc), notation, lang))
    if own:
        out.append(doc.end(notation, lang))
    return "\n".join(q for q in out if q) + "\n"


def _activations(net: dict) -> str:
    """The network's activation, or its layers' in order (``tanh → sigmoid``) when they differ: a document naming only
    the first would name another network (review rv38: a tanh-then-sigmoid network labelled "tanh cross-entropy",
    on which δ^L = a^L − y is false)."""
    acts = net.get("activations") or net.get("activation") or "?"
    if not isinstance(acts, (list, tuple)):
        return str(acts)
    names = [str(a) for a in acts]
    return names[0] if len(set(names)) == 1 else " → ".join(names)


def _network_label(net: dict) -> str:
    if "function" in net:
        return str(net["function"])
    sizes = net.get("sizes", "?")
    sizes = f"[{','.join(map(str, sizes))}]" if isinstance(sizes, (list, tuple)) else str(sizes)
    label = f"{sizes} {_activations(net)} {net.get('cost', '')}"
    return label + (" one-hot" if net.get("one_hot") else "")


def identity_document(certs, notation="nielsen", *, lang: str = "en", name: str | None = None) -> str:
    """A complete ``article`` for one identity (one certificate or several), in ``notation``."""
    certs = [certs] if not isinstance(certs, (list, tuple)) else list(certs)
    name = name or certs[0].identity
    p = profile(notation)
    doc = _Doc()
    body = (
        notation_section(p, lang)
        + definitions_section(p, _costs(certs), lang)
        + identity_section(certs, p, lang=lang, numbered=False, name=name, doc=doc)
        + doc.end(p, lang)
    )
    return _wrap(text(phrase("title_identity", lang, name=name)), body)


def catalogue_document(certs, notation="nielsen", *, lang: str = "en") -> str:
    """One ``article`` with a section per identity (the whole catalogue), in ``notation``.

    ``certs`` is a list (grouped by each certificate's identity, in the order
    first seen) or a dict of identity name -> certificates.
    """
    p = profile(notation)
    if isinstance(certs, dict):
        grouped = {name: list(cs) for name, cs in certs.items() if cs}
    else:
        grouped = {}
        for c in certs:
            grouped.setdefault(c.identity, []).append(c)
    every = [c for cs in grouped.values() for c in cs]
    doc = _Doc()
    body = (
        text(phrase("contents", lang, n=len(every), k=len(grouped))) + "\n"
        + notation_section(p, lang)
        + definitions_section(p, _costs(every), lang)
        + "\n".join(identity_section(g, p, lang=lang, name=name, doc=doc) for name, g in grouped.items())
        + doc.end(p, lang)
    )
    return _wrap(text(phrase("title_catalogue", lang)), body, contents=True)


# -- one certificate as a display (Jupyter, Certificate.to_latex) ------------------------


def certificate_latex(cert, notation="nielsen") -> str:
    r"""A certificate as one display of math (an ``align*``), in ``notation``.

    A certificate that holds shows its statement and its checked steps; a
    refuted or undecided one shows its verdict (and the two values at the
    counterexample), never steps. This is what ``Certificate.to_latex`` and
    ``_repr_latex_`` (Jupyter) return; it uses nothing MathJax lacks.

    >>> from symbp.certificate import Certificate
    >>> c = Certificate("BP3", {"sizes": [2, 2]}, "exact", "undecided", reason="budget ran out")
    >>> certificate_latex(c)
    '\\begin{align*}\n\\text{BP3: undecided (budget ran out)}\n\\end{align*}'
    """
    def build(p):
        rows = []
        if cert.holds and cert.steps:
            if cert.statement:
                rows.append(rf"&\text{{{text(cert.identity)}: }} {math(cert.statement, p)} && \text{{{text(cert.verdict)}}}")
            body = _align(cert.steps, p, justification, checked=False)
            rows += body.split("\n")[1:-1]
            return "\\begin{align*}\n" + "\n".join(_joined(rows)) + "\n\\end{align*}"
        detail = cert.reason or ("no steps recorded" if cert.holds else "")
        rows.append(rf"\text{{{text(cert.identity)}: {text(cert.verdict)}" + (f" ({text(detail, p)})" if detail else "") + "}")
        cx = cert.counterexample
        if cx is not None and cx.lhs and cx.rhs:
            rows.append(rf"\text{{LHS}} &\approx {cx.lhs_value:.6g}, \quad \text{{RHS}} \approx {cx.rhs_value:.6g}")
        return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}"

    check_printable(profile(notation))
    try:
        return build(profile(notation))
    except NotConvertible as exc:  # stated in a folded-bias notation: as written
        return build(exc.source)
    except NotationError:  # e.g. seed 004's row-vector names: as the prover wrote them
        return build(profile("nielsen"))


def _joined(rows: list[str]) -> list[str]:
    # The statement row needs its own line break before the steps' rows.
    if rows and not rows[0].endswith("\\\\"):
        rows[0] += " \\\\"
    return rows
