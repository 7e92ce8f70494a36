r"""The notes' definitions symbp does not know, and the claims they leave without a model to check them in.

A claim of the notes is about the notes' network: their cost, their σ, their forward
pass, their output layer. When the notes define one of these in a way symbp's
networks do not have, checking the later claims under symbp's default would judge
them in a model the notes contradict. Four cases, each found from the verdict of the
definition itself (verified ahead of the claims):

* a **cost** ``C = …`` (``E``, ``J``, ``\mathcal{L}``, ``L(…)``) that does not hold as
  a claim in the model in force (refuted, unreadable, undecided): the claims about that
  letter, and about δ when δ is defined from that letter (the notation's loss), are
  uninterpretable — per letter, so notes that define ``E`` with its ½ and also ``C``
  without it keep their claims about ``E``;
* an **activation** ``σ(z) = …`` that is none of symbp's (``Model``'s own activation): a
  claim that holds under a generic σ holds for theirs too and stays; a refuted or
  conditional one that involves σ is uninterpretable (it may hold for the notes' σ);
* a **forward pass** ``z^l_j = …`` (from the weights) or ``a^l_j = σ(…)`` none of
  whose definitions holds under the notation: the claims that depend on the network
  (z, a, δ, w, b, σ) are uninterpretable; when one definition holds, the others are
  slips and stay refuted;
* a **linear output** ``a^L = z^L``: symbp's networks apply σ at every layer, so the
  claims that depend on the output layer are uninterpretable;
* an **activation of some layers** or under another name (``a^l = \max(0, z^l)`` for
  l < L beside ``a^L = σ(z^L)``, ``f(z) = \tanh(z)``, ``g^{[L]}(z) = z``): the claims that
  depend on the layers' activations are uninterpretable, for the same reason.

The definition rows of a cost, an activation or a forward pass that symbp does not
know are the notes' own definitions: they leave the claims (``as_definition`` says what
a claim would have been). Two more kinds:

* a **slip**: a definition of z or a that does not hold beside one that holds, or a cost
  of the output and the targets (or a σ) symbp does not know *after* one it knows: a row
  with its verdict as a claim, out of the model, blocking nothing (``slip_of``);
* a **name** of the notes' own (a bare letter the notation lacks, ``o = σ(w^L a^{L−1} +
  b^L)``): a definition of that name, blocking only the claims that use it.

The recognisers of what a definition's text defines are ``definition_kinds``; this module decides, from
the verdicts, which definitions are in force and which claims they leave uninterpretable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..errors import SymbpError
from ..notation import Notation
from .claimlinks import declaration
from .samples import mean_count
from .verdicts import replaced
from .numericsums import unfixed
from .definition_kinds import (DELTA_DEFINITION, MEAN_OF_PER_INPUT, OVER_INPUTS, cost_per_input, over_samples,
                               covers, defines_delta, delta_claim, forward_kind, is_output, layer_activation,
                               loss_letter, names_a_cost, new_name, other_function, uses_name)
from .lexer import ReadError
from .model import Model
from .nodes import Apply, Layer, Quantity, rebuild, to_latex, walk
from .reader import read
from .samplelabels import SAMPLE_LETTERS
from .sumcost import summed
from .costscale import said_scaled
from .graphexamples import _locate
from .unreadwords import hazard_of


@dataclass(frozen=True)
class Unknown:
    """A definition of the notes at ``line`` that symbp's model lacks; ``letter`` is the loss letter of a cost."""

    line: int
    what: str  # "cost" | "held-cost" (a cost definition that holds: in force, blocks nothing) | "activation" | "name" | …
    text: str
    why: str  # what symbp made of the definition (its verdict as a claim)
    letter: str = ""
    spared: frozenset = frozenset()  # (line, text) of the claims it does not block (``rescaled``)

    @property
    def undecided(self) -> bool:
        """Was the definition's own check undecided (the time budget ran out, say)? Then symbp does not know
        that the definition differs from its model, and must not say so."""
        return self.why.split(":")[0] == "undecided"  # ``_why``'s word for the verdict

    def reason(self, delta: bool = False) -> str:
        shown = self.text[:70]
        if self.undecided:
            return (f"whether the notes' definition at line {self.line}, {shown}, is symbp's own was not decided "
                    f"({self.why}); a claim that depends on it is not checked, so it is undecided too")
        if self.what == "cost":
            about = f"{self.letter} or δ" if delta else self.letter
            return (f"the notes define {self.letter} at line {self.line} as {shown}, which is none of symbp's costs "
                    f"({self.why}); a claim about {about} is not checked against another cost (give --cost to "
                    "check it under one)")
        if self.what == "activation":
            return (f"the notes define σ at line {self.line} as {shown}, which symbp does not know; the claim fails "
                    "for a generic σ but may hold for the notes' σ (give --activation to check it under one)")
        if self.what == "forward":
            return (f"the notes define the forward pass at line {self.line} as {shown}, which holds under none of "
                    f"symbp's structures ({self.why}); a claim that depends on it is not checked against another "
                    "forward pass")
        if self.what in ("output-words", "output-later"):  # ``outputact``: said in words, and not honoured (there)
            return f"{self.why}; a claim that depends on the output layer is not checked against another one"
        if self.what == "layer-activation":
            return (f"the notes define an activation at line {self.line} as {shown}, another than σ or for some layers "
                    f"only ({self.why}); symbp's networks apply one σ at every layer, so a claim that depends on the "
                    "activations of the layers is not checked against σ")
        if self.what == "name":
            return (f"the notes define {self.letter} at line {self.line} as {shown}, a name of their own that symbp "
                    f"has no quantity for; a claim that uses {self.letter} is not checked")
        if self.what == "delta":
            return (f"the notes define δ at line {self.line} as {shown}, and no definition of δ in the notes holds as "
                    f"δ ≡ ∂C/∂z ({self.why}); a claim about δ is not checked against another meaning")
        return (f"the notes define the output layer at line {self.line} ({shown}) otherwise than σ(z^L), and "
                "symbp's networks apply σ at every layer; a claim that depends on the output layer is not checked "
                "against another one")


def find(rows: list, model: Model, nt: Notation, given: dict, recheck=None) -> list[Unknown]:
    """The unknown definitions among ``rows`` = (formula, its verdict as a claim), in line order.

    ``recheck(text, line)`` verifies another text at a line: a cost written of a^l where a^L is meant (the
    output layer's letter slipped) that holds at a^L is a slip of symbp's cost, refuted as such, not another cost.
    """
    out = []
    # a profile of row vectors reads every formula in the notes' own terms, except a name with a layer in layered
    # notes (g^l = z^l W^l beside z^l = a^{l-1} W^l + b^l: the notes' own terms read no layers)
    named: dict = {}
    for f, v in rows:
        if new_name(f.text, nt) and (nt.vectors != "row" or nt.name == "rowvector-own" and "^" in f.text.split("=")[0]):
            named.setdefault(new_name(f.text, nt), []).append((f, v))
    for name, defs in named.items():
        if len({" ".join(f.text.split()) for f, _ in defs}) == 1:  # defined twice otherwise: not filed as a name
            out.extend(Unknown(f.line, "name", f.text, _why(v), name) for f, v in defs)
    for f, v in rows:
        # C = C(a^L), C = C(\\eta): a declaration of what the cost depends on (checked or not) never defines it
        letter = "" if declaration(f.text) is not None else loss_letter(f.text)
        if letter and not given.get("cost") and summed(f.text) and not over_samples(f.text):
            # L = Σ_{i=1}^n L_i, E = E_1 + … + E_n: the total of the per-input costs, n times the mean symbp's cost is
            # (review costsum 1: under L = Σ_x L_x, ∂L/∂w = (1/n) Σ_x a^{x,l-1}_k δ^{x,l}_j held)
            out.append(Unknown(f.line, "cost", f.text, SUM_OF_INPUTS, letter))
            continue
        if letter and not given.get("cost") and over_samples(f.text) and recheck is not None:
            # a mean over the inputs of a per-input cost: its per-input part must be symbp's cost (a mean of
            # ‖y(x) − a^L(x)‖² without the ½ makes ∂C_x/∂a^L = 2(a^L − y), not a^L − y)
            per_input = cost_per_input(f.text)
            if per_input is not None:
                held = recheck(per_input, f.line).status == "holds"
                out.append(Unknown(f.line, "held-cost" if held else "cost", f.text,
                                   f"its cost per input {per_input}" + ("" if held else " does not hold"), letter))
            elif OVER_INPUTS.search(f.text) and not MEAN_OF_PER_INPUT.match(f.text) and not (
                    v.status == "holds" and mean_count(f.text, given.get("sets", ()))):  # over "$B$ of $m$" (rv48)
                # a sum or another mean of C_x (C = Σ_x C_x, C = 1/(2n) Σ_x C_x): not the mean verify's C is
                out.append(Unknown(f.line, "cost", f.text, "not the mean (1/n) Σ_x C_x of the costs per input", letter))
            elif v.status != "holds" and not _recognised(model, f) and not re.search(r"\\sum|\\frac", f.text):
                # C = ‖α(x) − y‖² with α(x) the notes' own name: no mean symbp reads and none it can check, so the
                # claims about C or δ are not checked against the default cost
                out.append(Unknown(f.line, "cost", f.text, _why(v), letter))
            continue
        if letter and not given.get("cost") and not over_samples(f.text) and not names_a_cost(f.text):
            # symbp's cost: the definition holds as a claim, or the model recognised it (a cost with logarithms is
            # compared in the model, not evaluated as a claim), or it slipped a^l for the output a^L
            held = (v.status == "holds" or _recognised(model, f)
                    or v.status == "refuted" and recheck is not None and _output_slip(f, nt, recheck))
            # a definition that holds is kept too: it is the cost in force from its line on
            why = LOG_LIKELIHOOD if not held and _log_likelihood(model, f) else _why(v)
            out.append(Unknown(f.line, "held-cost" if held else "cost", f.text, why, letter))
    out = _cost_slips(out, {d.line for d in model.slips if d.what == "own-cost"})
    out = _hidden_layer_slips(out, nt)
    for d in model.slips:
        if d.what == "own-activation" and not given.get("activation"):
            held = [h for h in model.definitions if h.what == "activation"]
            out.append(_slip(d.line, d.text, "σ", _nearest(held, d.line)))
    if not given.get("activation"):
        for d in model.definitions:
            if d.what == "own-activation":
                out.append(Unknown(d.line, "activation", d.text, ""))
    deltas = [(f, v if v.status == "holds" or recheck is None else recheck(delta_claim(f.text), f.line))
              for f, v in rows if defines_delta(f.text, nt)]
    if deltas and not any(v.status == "holds" for _, v in deltas):
        f, v = deltas[0]
        out.append(Unknown(f.line, "delta", f.text, _why(v)))
    held_deltas = [f for f, v in deltas if v.status == "holds"]
    # one definition of δ holds (δ ≡ ∂C/∂z): another that is false (δ^L ≡ 2(a^L − y)σ'(z^L)) is a slip, reported as
    # a row with its verdict as a claim, never filed silently (one symbp cannot read, δ ≡ ∂c/∂z of the notes' own c,
    # contradicts nothing it knows of)
    out.extend(_slip(f.line, f.text, "δ", _nearest(held_deltas, f.line)) for f, v in deltas
               if held_deltas and v.status == "refuted" and DELTA_DEFINITION.search(f.text))
    forward = [(f, v, forward_kind(f.text, nt)) for f, v in rows]
    softmax = any(d.what == "softmax" for d in model.definitions)
    # with a softmax output, a^l = σ(z^l) speaks of the hidden layers and is refuted at the output: the softmax
    # output is the model's own concern (``Model.own_terms``), not a forward pass symbp lacks
    for kind in (("z",) if softmax else ("z", "a")):
        # z^2_j = Σ_{k=1}^{2} w^2_{jk} a^1_k + b^2_j holds on the user's --sizes network, conditional on n_1 = 2: it is
        # symbp's forward pass on the network the notes are about (rv48 D6)
        # (without --sizes it is not judged, and blocks nothing, as when its sum was not read)
        defs = [(f, v if not (v.status == "conditional" and v.condition_met) else replaced(v, status="holds"))
                for f, v, k in forward if k == kind and not (v.status == "uninterpretable" and unfixed(f.text))]
        if defs and not any(v.status == "holds" for _, v in defs):
            f, v = defs[0]
            out.append(Unknown(f.line, "forward", f.text, _why(v)))
        held = [f for f, v in defs if v.status == "holds"]
        # one definition holds: the others are slips (refuted as claims), reported even when written with := —
        # when the one that holds speaks of their layers (a^L = σ(z^L) says nothing of a hidden a^l = max(0, z^l))
        for f, v in defs:
            if held and v.status != "holds":
                covering = [h for h in held if kind == "z" or covers(h.text, f.text, nt)]
                if kind == "a" and other_function(f.text, nt):
                    # a^l = tanh(z^l) beside a^l = σ(z^l): a change of activation reads like a typo, so it is never
                    # a slip: the activation it defines is not σ, and what depends on the activations is not checked
                    covering = []
                out.append(_slip(f.line, f.text, kind, _nearest(covering, f.line)) if covering
                           else Unknown(f.line, "layer-activation", f.text, _why(v)))
    if not given.get("activation"):
        out.extend(Unknown(f.line, "layer-activation", f.text, _why(v)) for f, v in rows
                   if layer_activation(f.text, nt))
    for f, v, k in forward:
        if k == "linear" and v.status != "holds" and not (softmax and any(
                d.what == "softmax" and d.line == f.line for d in model.definitions)):
            out.append(Unknown(f.line, "linear", f.text, _why(v)))
    return sorted(out, key=lambda u: u.line)


def _nearest(held: list, line: int):
    """Of the definitions ``held`` (with .line and .text), the one in force at ``line``: the latest at or before it,
    else the first."""
    before = [h for h in held if h.line <= line]
    return before[-1] if before else held[0]


def _slip(line: int, text: str, letter: str, held) -> Unknown:
    return Unknown(line, "slip", text, f"line {held.line}: {held.text[:60]}", letter)


def _cost_slips(found: list, slipped: set) -> list:
    """A cost definition symbp does not know after one of the same letter that holds is a slip of it, when it is a
    cost of the output and the targets alone (the model's slips, lines ``slipped``): C = ½‖a − y‖ beside
    C = ½‖a − y‖². A cost with more in it (an L2 term, a sum over the inputs) is another cost, and blocks."""
    held = {u.line: [h for h in found if h.what == "held-cost" and h.letter == u.letter and h.line < u.line]
            for u in found}
    return [_slip(u.line, u.text, u.letter, _nearest(held[u.line], u.line))
            if u.what == "cost" and held[u.line] and u.line in slipped else u for u in found]


def _hidden_layer_slips(found: list, nt: Notation) -> list:
    """A cost definition that fails, written of a layer before the output (``C = ½ Σ_j (y_j − a^{L−1}_j)²``), beside
    one of the same letter that holds: a slip of that one. A cost is a function of the network's output, so the
    notes cannot mean to change their cost to one of a hidden layer: the row is refuted as a claim (it is not
    filed as the notes' own definition), and the claims after it are checked under the cost that holds."""
    held = {u.letter: [h for h in found if h.what == "held-cost" and h.letter == u.letter] for u in found}
    return [_slip(u.line, u.text, u.letter, _nearest(held[u.letter], u.line))
            if u.what == "cost" and held[u.letter] and _of_hidden_layer(u.text, nt) else u for u in found]


def _of_hidden_layer(text: str, nt: Notation) -> bool:
    """Does the cost definition ``text`` write an activation of a layer other than the output (a^{L−1}, a^l)?"""
    try:
        eq = read(text, nt)
    except (ReadError, SymbpError, ValueError):
        return False
    return any(isinstance(q, Quantity) and q.role == "a" and q.layer is not None and not q.implicit_layer
               and not (q.layer.var == "L" and q.layer.offset == 0) for q in walk(eq))


def slip_of(f, unknowns: list[Unknown]) -> "Unknown | None":
    """The slip ``f`` is, if it is one: a definition of a cost or σ that symbp does not know after one of the same
    thing that holds, or a definition of the forward pass beside one that holds (the claims are checked under that
    one)."""
    return next((u for u in unknowns if u.what == "slip" and is_definition_row(f, u)), None)


def slip_reason(u: Unknown, read: bool = True) -> str:
    """Why the slip ``u`` is not in force; a definition that was not ``read`` is not said to contradict anything."""
    what = {"σ": "σ", "z": "the weighted input z", "a": "the activation a"}.get(u.letter, u.letter)
    held = f"the notes also define {what} at {u.why}, which holds"
    if not read:
        return f"a slip, not in force: {held}"
    return (f"a slip: {held}; this definition contradicts it and is not in force (the claims are checked under "
            f"line {u.why.split(':')[0].split()[-1]})")



#: A definition of a per-input cost: C_x = …, C_{x} = …, L_t = ….
_PER_INPUT_COST = re.compile(r"^\s*(?:C|L|J|E)_\{?\s*[" + SAMPLE_LETTERS + r"]\s*\}?\s*(?:=|\\equiv)")


def blocking(f, v, unknowns: list[Unknown], nt: Notation, model: "Model | None" = None) -> "Unknown | None":
    """The unknown definition that makes the verdict ``v`` of the claim ``f`` meaningless, if any (the activation
    in force at the claim's line as ``model`` says, when given: a named σ defined later replaces the notes' own)."""
    unknowns = [u for u in unknowns if u.what != "slip"]  # slips are reported as rows, and block nothing
    if not unknowns:
        return None
    own = [u for u in unknowns if u.what != "held-cost" and is_definition_row(f, u)]
    if own and (v.status != "unreadable" or own[0].what == "name"):
        return own[0]  # the definition itself, whatever symbp made of it as a claim
    names = [u for u in unknowns if u.what == "name" and uses_name(f.text, u.letter)]
    if names and v.status in ("unreadable", "uninterpretable", "undecided"):
        return names[0]  # o − y with o the notes' own name: not readable in symbp's terms, the name says why
    if v.status == "unreadable":
        return None
    if v.status == "uninterpretable":
        return None
    try:
        eq = read(f.text, nt)
    except (ReadError, SymbpError, ValueError):
        eq = None
    nodes = list(walk(eq)) if eq is not None else []
    losses = {_plain(q.base) for q in nodes if isinstance(q, Quantity) and q.role == "C"}
    has_delta = any(isinstance(q, Quantity) and q.role == "delta" for q in nodes)
    costs = [u for u in unknowns if u.what in ("cost", "held-cost") and (f.line, f.text) not in u.spared]
    for letter in dict.fromkeys(u.letter for u in costs):
        # the definition of this letter in force: the latest at or before the line, else the first
        mine = [u for u in costs if u.letter == letter]
        if any(u.what == "cost" and over_samples(u.text) for u in mine):
            # C = Σ_x C_x, where C_x = ½‖y − a^L‖²: the per-input cost that holds defines C_x, and the sum over the
            # inputs stays the C in force (review rv38, F2: the later C_x replaced it and the mean was assumed)
            mine = [u for u in mine if not (u.what == "held-cost" and _PER_INPUT_COST.match(u.text))]
        before = [u for u in mine if u.line <= f.line]
        u = before[-1] if before else mine[0]
        if u.what == "cost" and (
                eq is None or _plain(letter) in losses or has_delta and _plain(letter) == _plain(nt.names["cost"])):
            return u
    network = eq is None or _depends_on_network(nodes)
    for u in unknowns:
        if (u.what in ("forward", "linear", "layer-activation", "output-words")
                or u.what == "output-later" and f.line < u.line) and network:  # before the words (``outputact``)
            return u
        if u.what == "delta" and (eq is None or has_delta):
            return u
    acts = [u for u in unknowns if u.what == "activation" and u.line <= f.line] or \
        [u for u in unknowns if u.what == "activation"][:1]
    if model is not None and acts:
        d = model.at(f.line).get("own_activation")
        acts = [u for u in acts if d is not None and u.line == d.line][-1:]
    sigma = network or any(isinstance(n, Apply) and n.func in ("sigma", "Sigma") for n in nodes)
    if acts and v.status in ("refuted", "conditional") and sigma:
        return acts[-1]
    return None


def in_force(unknowns: list[Unknown], line: int, model: "Model | None" = None) -> tuple:
    """The lines of the unknown definitions in force at ``line``: per loss letter the cost definition in force when
    symbp does not know it, and the notes' own σ in force (two formulas fold only when these agree)."""
    out = []
    costs = [u for u in unknowns if u.what in ("cost", "held-cost")]
    for letter in sorted(dict.fromkeys(u.letter for u in costs)):
        mine = [u for u in costs if u.letter == letter]
        before = [u for u in mine if u.line <= line]
        u = before[-1] if before else mine[0]
        if u.what == "cost":
            out.append(u.line)
    d = model.at(line).get("own_activation") if model is not None else None
    if d is not None:
        out.append(-d.line)
    return tuple(out)


def is_definition_row(f, u: Unknown) -> bool:
    """Is ``f`` the row of the unknown definition ``u`` itself?"""
    return f.line == u.line and " ".join(f.text.split()) == " ".join(u.text.split())


def as_definition_reason(u: Unknown) -> str:
    if u.undecided:
        return (f"the notes' definition; whether it is symbp's own was not decided ({u.why}); the claims that depend "
                "on it are not checked")
    if u.what == "cost":
        return (f"the notes' own definition of {u.letter}, none of symbp's costs (as a claim: {u.why}); the claims "
                f"about {u.letter} are not checked against another cost")
    if u.what == "activation":
        return "the notes' own activation, which symbp does not know; claims refuted under a generic σ are not refuted"
    if u.what == "forward":
        return (f"the notes' own forward pass, which holds under none of symbp's structures (as a claim: {u.why}); "
                "the claims that depend on it are not checked")
    if u.what == "layer-activation":
        return (f"the notes' own activation, another than σ or for some layers only (as a claim: {u.why}); the claims "
                "that depend on the activations of the layers are not checked against σ")
    if u.what == "name":
        return (f"the notes' own name {u.letter}, a letter symbp has no quantity for; the claims that use it are not "
                "checked, the others are unaffected")
    if u.what == "delta":
        return (f"the notes' own definition of δ (as a claim: {u.why}); the claims about δ are not checked against "
                "δ ≡ ∂C/∂z")
    return ("the notes' own output layer (no σ(z^L)), which symbp's networks lack; the claims that depend on it are "
            "not checked")


def _why(v) -> str:
    word = {"refuted": "refuted", "unreadable": "unreadable", "uninterpretable": "uninterpretable",
            "conditional": "holds only when " + getattr(v, "condition", ""), "undecided": "undecided"}.get(
        v.status, v.status)
    reason = (getattr(v, "diagnosis", "") or v.reason or "").strip()
    return f"{word}: {reason[:90]}" if reason else word


def _recognised(model: Model, f) -> bool:
    """Did the model take the cost definition ``f`` in as one of symbp's costs, usable at its line? The
    log-likelihood −Σ_j y_j ln a_j is symbp's only with a softmax output: beside an elementwise σ it is not."""
    return any(d.what == "cost" and d.line == f.line and " ".join(d.text.split()) == " ".join(f.text.split())
               and (d.value != "categorical" or model.at(d.line).get("cost") == "softmax-cross-entropy")
               for d in model.definitions)


#: Why symbp has no model of the log-likelihood cost beside an elementwise output.
#: Why the total of the per-input costs (C = Σ_x C_x under any loss letter) is none of symbp's costs.
#: Why the cost rescaled in words (``costscale``) is none of symbp's: no reader rescales it.
RESCALED = "the notes' cost rescaled in words, which symbp does not read"


def rescaled(found: list[Unknown], text: str, letter: str, items: list = ()) -> list[Unknown]:
    """``found`` with the cost rescaled in words (``costscale``: "Let us drop the ½ from the cost") in: from that
    sentence on, a claim about ``letter`` or δ is not checked (review issue 12 A11/B8: BP1 with a^L − y held after
    "we double the cost"). Each goes after the unknowns up to its line, led by the cost before it (``held-cost``), so
    that it does not reach back to the claims before it, nor past a cost the notes define after it. A formula of
    ``items`` in the words' own sentence that ``unreadwords`` leaves unjudged for them is spared (its reason names
    the change)."""
    out = list(found)
    for said in said_scaled(text, letter):
        at = max((k + 1 for k, u in enumerate(out) if u.line <= said.line), default=0)
        out[at:at] = [Unknown(said.line, "held-cost", f"the cost before “{said.words}”", "", letter),
                      Unknown(said.line, "cost", f"“{said.words}”", RESCALED, letter, _spared(text, items, said))]
    return out


def _spared(text: str, items: list, said) -> frozenset:
    # the formulas of the rescaling sentence that its own words leave unjudged (``unreadwords.hazard_of``)
    out = set()
    for f in items:
        at = _locate(text, f.line, f.source or f.text)
        if at is not None and said.start <= at[0] < said.end:
            h = hazard_of(text, f.line, f.source or f.text)
            if h is not None and not (h.right or h.wrong):
                out.add((f.line, f.text))
    return frozenset(out)


SUM_OF_INPUTS = "the sum of the costs per input, n times their mean (1/n) Σ_x C_x, which is symbp's cost"
LOG_LIKELIHOOD = "the log-likelihood −Σ_j y_j ln a^L_j: symbp has it only with a softmax output, not with σ(z^L)"


def _log_likelihood(model: Model, f) -> bool:
    """Is ``f`` a definition of the log-likelihood cost that the model could not take in (no softmax output)?"""
    return any(d.what == "cost" and d.value == "categorical" and d.line == f.line
               and " ".join(d.text.split()) == " ".join(f.text.split()) for d in model.definitions) \
        and not _recognised(model, f)


def _output_slip(f, nt: Notation, recheck) -> bool:
    """Does the cost definition ``f``, written of a^l (a layer variable other than L), hold with a^L there?"""
    try:
        eq = read(f.text, nt)
    except (ReadError, SymbpError, ValueError):
        return False
    slipped = {q.layer.var for q in walk(eq) if isinstance(q, Quantity) and q.role == "a" and q.layer is not None
               and q.layer.var not in (None, "L") and q.layer.offset == 0}
    if not slipped:
        return False

    def at_output(n):
        if isinstance(n, Quantity) and n.role == "a" and n.layer is not None and n.layer.var in slipped:
            return replace(n, layer=Layer("L", 0, n.layer.brackets))
        return None

    return recheck(to_latex(rebuild(eq, at_output)), f.line).status == "holds"


def _plain(base: str) -> str:
    return base.replace(" ", "")


def _depends_on_network(nodes: list) -> bool:
    """Does a claim with these nodes depend on the forward pass (z, δ, w, b, or a before the output)?
    ∂C/∂a^L = a^L − y does not (the cost as a function of the output), nor σ'(z) = σ(z)(1 − σ(z)) of a real z."""
    for n in nodes:
        if not isinstance(n, Quantity):
            continue
        if n.role in ("z", "a") and n.layer is None and not n.indices and not n.implicit_layer:
            continue  # a real variable of a scalar identity
        if n.role in ("z", "delta", "w", "W", "b") or n.role == "a" and not is_output(n):
            return True
    return False
