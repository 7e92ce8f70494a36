r"""Documents for the layers beyond the MLP: each layer's forward pass, its backward formulas, their checked derivations.

Nothing in a proof is typed here: every line of a derivation is a ``Step``
of a certificate that ``symbp.layers`` checked (on every concrete shape
listed, and for every size where ``symbp.layers.allsizes`` reaches). A
refuted or undecided certificate is shown with its counterexample or its
reason, never as a proof.

>>> tex = identity_document("dropout-gradient", certificates(["dropout-gradient"])["dropout-gradient"])
>>> r"\begin{align*}" in tex and "proved" in tex
True
"""

from __future__ import annotations

import re
from typing import Sequence

from .. import layers
from ..layers import allsizes
from ..layers.catalogue import SHAPES
from ..prove import prove
from .layer_text import KINDS
from .typeset import preamble, text

_PREAMBLE = preamble("amsmath")

_GROUND_TRUTH = (
    r"Ground truth: the loss $L$ is any function of the layer's output $y$, and $g = \partial L/\partial y$ is what "
    r"the layers above send back, an independent symbol for every entry. Then $\partial L/\partial\theta = "
    r"\sum_o g_o\, \partial y_o/\partial\theta$ for every input or parameter $\theta$, each $\partial y_o/\partial\theta$ "
    r"obtained by differentiating the forward pass above (forward mode on its definition), never from a backward "
    r"formula. Indices run from 1."
)


# Signs of the layer texts that ``typeset.text`` does not know, as math.
_GREEK = {"γ": r"\gamma", "β": r"\beta", "μ": r"\mu", "θ": r"\theta", "ψ": r"\psi", "ι": r"\iota"}
_SIGNS = {"§": r"$\S$", "°": r"$^\circ$", "√": r"$\surd$", "⟨": r"$\langle$", "⟩": r"$\rangle$", "•": r"$\bullet$",
          "x̂": r"$\hat x$", "ĝ": r"$\hat g$"}
_SUBSCRIPTED = re.compile("([γβμσδ])_([A-Za-z0-9]+|\\{[^{}]*\\})")


def words(s: str) -> str:
    """Words of a title, a source or a reason, safe for pdflatex."""
    s = _SUBSCRIPTED.sub(lambda m: f"${_GREEK.get(m.group(1), m.group(1))}_{{{m.group(2).strip('{}')}}}$", str(s))
    for sign, tex in _SIGNS.items():
        s = s.replace(sign, tex)
    for letter, tex in _GREEK.items():
        s = s.replace(letter, f"${tex}$")
    return text(s)


def certificates(names: "Sequence[str] | None" = None, *, budget: float = 60.0) -> dict:
    """Each layer identity's certificates: for every size (where reached), then on each shape of ``SHAPES``."""
    picked = [layers.get(n) for n in names] if names else list(layers.IDENTITIES)
    out = {}
    for ident in picked:
        certs = [allsizes.prove_all_sizes(ident, budget=budget)] if ident.name in allsizes.STATEMENTS else []
        certs += [prove(ident, layers.layer(ident.kind, shape), method="exact", budget=budget) for shape in SHAPES[ident.kind]]
        out[ident.name] = certs
    return out


def _wrap(title: str, body: str) -> str:
    return (_PREAMBLE + f"\\title{{{title}}}\n\\author{{symbp}}\n\\date{{}}\n\\begin{{document}}\n\\maketitle\n\n"
            + body + "\n\\end{document}\n")


def layer_section(kind: str) -> str:
    """The layer: its forward pass and what the symbols mean."""
    entry = KINDS[kind]
    return (f"\\section*{{The layer}}\n\\begin{{align*}}\n{entry['definition']}\n\\end{{align*}}\n"
            f"{entry['words']}\n\n{_GROUND_TRUTH}\n")


def _chain(steps) -> str:
    lines = []
    for n, step in enumerate(steps):
        lhs = step.lhs if n == 0 else ""
        # right-aligned as a tag, which amsmath sets under the line when the two do not fit side by side
        lines.append(f"{lhs} &= {step.rhs} \\tag*{{\\parbox[t]{{5.2cm}}{{\\small\\raggedright {words(step.why)}}}}}")
    return "\\begin{align*}\n" + "\\\\\n".join(lines) + "\n\\end{align*}\n"


def _shape(cert) -> str:
    shape = cert.network.get("shape")
    if isinstance(shape, str):
        return shape
    return ", ".join(f"{k} = {'x'.join(map(str, v)) if isinstance(v, list) else v}" for k, v in shape.items())


def _not_a_proof(cert) -> str:
    out = f"\\textbf{{{cert.verdict}}} on {words(_shape(cert))}: {words(cert.reason)}\n"
    cx = cert.counterexample
    if cert.verdict == "refuted" and cx is not None and not cx.reason:
        point = ", ".join(f"{k} = {v}" for k, v in cx.point.items())
        out += (f"\n\\emph{{Counterexample}} at {words(cx.instance)}: ground truth {words(cx.lhs)}, the formula {words(cx.rhs)}"
                f"{(' (' + words(cx.activation) + ')') if cx.activation else ''}; point: {words(point)}.\n")
        if cert.details.get("oracle"):
            out += f"\n{words(cert.details['oracle'])}.\n"
    elif cx is not None and cx.reason:
        out += f"\n{words(cx.reason)}\n"
    return out


def identity_section(name: str, certs: Sequence) -> str:
    """One identity: statement, source, the derivation with each line checked, the shapes it was checked on."""
    ident = layers.get(name)
    out = [f"\\subsection*{{{words(ident.name)}: {words(ident.title)}}}",
           f"\\[ {ident.statement} \\]", f"Source: {words(ident.source)}."]
    if ident.note:
        out.append(f"Convention: {words(ident.note)}.")
    general = [c for c in certs if c.method == "all-sizes"]
    concrete = [c for c in certs if c.method != "all-sizes"]
    for c in general:
        if c.verdict == "proved-for-all-sizes":
            out.append(f"\\emph{{Proof for every size}} ({words(c.details.get('scope', ''))}):")
            out.append(_chain(c.steps))
            extra = f", with {words(c.details['assumption'])}" if c.details.get("assumption") else ""
            out.append(f"Each line was checked against the one before it: their difference reduces to $0$ in the algebra of "
                       f"index sums of symbolic length ${c.details.get('size')}${extra}. Verdict: \\textbf{{proved-for-all-sizes}}.")
        else:
            out.append(_not_a_proof(c))
    proved = [c for c in concrete if c.verdict == "proved"]
    if proved:
        out.append("\\emph{Proof on concrete shapes}:")
        out.append(_chain(proved[0].steps))
        out.append("Each line was checked against the one before it on every shape below: entry by entry, their "
                   "difference is the zero polynomial in the atoms (inputs, parameters, $g$, and the values of the "
                   "non-polynomial functions).")
    rows = [f"{words(_shape(c))} & {c.verdict} & {c.method} & {c.instances} \\\\" for c in concrete]
    if rows:
        out.append("\\begin{center}\\small\n\\begin{tabular}{p{10cm}lll}\nshape & verdict & method & entries \\\\ \\hline\n"
                   + "\n".join(rows) + "\n\\end{tabular}\n\\end{center}")
    for c in concrete:
        if c.verdict != "proved":
            out.append(_not_a_proof(c))
    return "\n\n".join(out) + "\n"


def kind_document(kind: str, by_identity: dict) -> str:
    """The document of one layer kind: the layer, then each of its identities."""
    entry = KINDS[kind]
    body = layer_section(kind) + "\n\\section*{The backward formulas}\n"
    body += "\n".join(identity_section(name, certs) for name, certs in by_identity.items())
    return _wrap(f"{entry['title']}: the backward pass, derived and checked", body)


def identity_document(name: str, certs: Sequence) -> str:
    """The document of one identity (``symbp latex --identity NAME``)."""
    ident = layers.get(name)
    body = layer_section(ident.kind) + "\n\\section*{The backward formula}\n" + identity_section(ident.name, certs)
    return _wrap(f"{words(ident.name)}: derived and checked", body)
