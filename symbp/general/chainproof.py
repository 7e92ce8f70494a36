r"""Proving one chain identity: its statement checked, then each link, then the last step.

``prove_chain(session, identity)`` builds the identity's parts (``build``:
whatever a variant's callables do wrong becomes a reason), checks what the
statement claims (``statement``: every quantity exists at every index in
range, the layers it is about), walks the chain from the identity's own left
side, each link checked by its rule (``links``) against the line before, and
reduces the last line to the claimed right side, with a^L written out only as
the network defines it (``meaning.written_out``) and hypotheses only the
network's own assumptions. The certificate shows the statement proved: the
catalogue's text for a catalogue entry, the expressions themselves for a
variant.

>>> from symbp import general
>>> from symbp.general.chains import IDENTITIES
>>> import dataclasses
>>> wrong = dataclasses.replace(IDENTITIES["BP3"], lhs=lambda m: m.y[m.j])
>>> general.prove_general(wrong, general.network(), cross_check=False).verdict
'undecided'
"""

from __future__ import annotations

import time
from dataclasses import replace

import sympy

from ..certificate import Certificate, Step
from .chains import IDENTITIES as CHAIN_IDENTITIES
from .chains import GeneralIdentity, Link
from ..errors import IdentityError
from .links import assumed, check_link, ranges_text
from .lemmas import applies as lemma_applies
from .meaning import written_out
from .printing import latex
from .reduction import Range, ReductionTimeout
from .statement import domain_problems, layers_of, quantifier, range_problems, render


def build(what: str, fn, *args):
    # A chain identity is data (docs/general.md: a variant is a
    # dataclasses.replace away), so its parts are built defensively: whatever
    # goes wrong becomes a reason, never a traceback.
    try:
        value = fn(*args)
    except (IdentityError, ReductionTimeout):
        raise
    except Exception as exc:  # noqa: BLE001 - any failure of a user's callable is a malformed identity
        raise IdentityError(f"its {what} could not be built: {type(exc).__name__}: {exc}") from None
    if isinstance(value, int) and not isinstance(value, bool):
        value = sympy.Integer(value)
    if what == "ranges":
        value = list(value) if isinstance(value, (list, tuple)) else value
        if not isinstance(value, list) or not all(
                isinstance(r, Range) and isinstance(r.index, sympy.Symbol) for r in value):
            raise IdentityError(f"its ranges must be a list of Range(index, lo, hi), got {value!r}")
        return value
    if what == "hypotheses":
        if not isinstance(value, dict):
            raise IdentityError(f"its hypotheses must be a dict, got {value!r}")
        value = {k: sympy.Integer(v) if isinstance(v, int) and not isinstance(v, bool) else v for k, v in value.items()}
        if not all(isinstance(k, sympy.Expr) and isinstance(v, sympy.Expr) for k, v in value.items()):
            raise IdentityError(f"its hypotheses must map expressions to expressions, got {value!r}")
        return value
    if not isinstance(value, sympy.Expr):
        raise IdentityError(f"its {what} is not an expression: {value!r}")
    return value


def _texts(value) -> bool:
    return isinstance(value, tuple) and all(isinstance(v, str) for v in value)


def malformed(idt: GeneralIdentity) -> list[str]:
    """What is wrong with the fields of a (replaced) identity, before anything is built from them."""
    out = []
    for name in ("name", "statement", "source", "depth", "rhs_latex"):
        if not isinstance(getattr(idt, name), str):
            out.append(f"its {name} is not text")
    for name in ("lhs", "rhs", "ranges", "unfold", "hypotheses"):
        if not callable(getattr(idt, name)):
            out.append(f"its {name} is not a function of the layer model")
    for name in ("outputs", "costs", "activations", "corroboration"):
        if not _texts(getattr(idt, name)):
            out.append(f"its {name} is not a tuple of names")
    if not isinstance(idt.chain, tuple):
        out.append("its chain is not a tuple of links")
        return out
    for n, link in enumerate(idt.chain, start=2):
        if not isinstance(link, Link):
            out.append(f"line {n} of its chain is not a Link")
        elif not (callable(link.expr) and isinstance(link.kind, str) and isinstance(link.why, str)):
            out.append(f"line {n} of its chain has no expression, kind or reason")
        elif not (isinstance(link.ref, str) or (isinstance(link.ref, tuple) and len(link.ref) == 2 and _texts(link.ref))):
            out.append(f"line {n} of its chain cites {link.ref!r}, which is neither a name nor (source, via)")
    return out


def _statement(idt: GeneralIdentity, lhs, rhs, ranges, hypotheses) -> tuple[str, str]:
    # The statement a certificate shows is the one proved: a catalogue entry
    # keeps its text; a variant is written from its own expressions.
    if CHAIN_IDENTITIES.get(idt.name) == idt:
        return idt.statement, idt.rhs_latex
    return render(latex(lhs), latex(rhs), ranges, hypotheses), ""


def _depth(idt: GeneralIdentity, layers, batch: bool) -> str:
    said = quantifier(layers, batch)
    # the identity's own wording when it says the same, else the quantifier read off the statement
    return idt.depth if idt.depth.split(":")[0].strip() == said else said


def prove_chain(session, idt: GeneralIdentity) -> Certificate:
    m, t0 = session.m, time.perf_counter()
    base = dict(identity=idt.name, network=session.gnet.describe(), method="all-sizes", source=idt.source)
    try:
        ranges = build("ranges", idt.ranges, m)
        lhs = build("left side", idt.lhs, m)
        target = build("right side", idt.rhs, m)
        hypotheses = build("hypotheses", idt.hypotheses, m)
        lines = [build(f"line {n} of the chain", link.expr, m) for n, link in enumerate(idt.chain, start=2)]
    except IdentityError as exc:  # e.g. a product undefined for general sizes (ShapeError)
        return Certificate(verdict="undecided", reason=f"{idt.name}: {exc}", seconds=time.perf_counter() - t0,
                           statement=idt.statement if CHAIN_IDENTITIES.get(idt.name) == idt else "", **base)
    statement, rhs_latex = _statement(idt, lhs, target, ranges, hypotheses)
    session.sigma_seen[id(idt)] = (idt, has_sigma(m, [lhs, target] + lines))
    base["statement"] = statement
    # What the statement claims: quantities that exist at every index in range,
    # at the layers it names; a proof that needs layer l+1 says nothing of l = L.
    failed = range_problems(m, ranges) + [
        f"the {side} is not defined for every size: {p}"
        for side, e in (("left side", lhs), ("right side", target)) for p in domain_problems(m, e, ranges)]
    said = layers_of([lhs, target, sympy.Tuple(*[b for r in ranges for b in (r.lo, r.hi)])], m)
    layers = layers_of([lhs, target] + lines, m)
    if "l+1" in layers and "l+1" not in said:
        failed.append("the proof goes through layer l+1, so it covers l < L only, but the statement "
                      f"(layers {', '.join(said)}) is claimed for l = L too")
    steps, used = [], []
    prev = lhs  # the chain starts from the identity's own left side
    try:
        for link, nxt in zip(idt.chain, lines):
            failures_before = len(failed)
            check = check_link(session, link, prev, nxt, ranges)
            failed += check.problems
            used += check.used
            checked = check.checked
            if len(failed) > failures_before:  # the step says what failed, never "reduced to 0"
                checked = "NOT established: " + "; ".join(failed[failures_before:])
            steps.append(Step(latex(prev), latex(nxt), link.why, checked))
            prev = nxt

        # Hypotheses are the network's assumptions or nothing (Σ_k y_k = 1 with one_hot).
        not_assumed = assumed(session, hypotheses, idt.name)
        failed += not_assumed
        if not_assumed:
            hypotheses = {}
        # unfold writes a^L (and a named σ) out; it may only write what the network defines.
        unfolded = [build("unfolded line", idt.unfold, m, e) for e in (prev, target)]
        for e, u in zip((prev, target), unfolded):
            if u != e:
                rest_u = session.reduce(written_out(m, session.gnet, u), written_out(m, session.gnet, e), ranges)
                if rest_u != 0:
                    failed.append(f"unfolding writes {latex(e)} as {latex(u)}, which is not what this network "
                                  f"defines; remainder {latex(rest_u)}")
        rest = session.reduce(unfolded[0], unfolded[1], ranges, hypotheses)
        checked = f"difference reduced to 0 under {ranges_text(ranges)}"
        if hypotheses:
            checked += " and the network's assumption " + ", ".join(f"{latex(k)} = {v}" for k, v in hypotheses.items())
        if rhs_latex:
            checked = f"matrix products written as index sums, {latex(target)}; " + checked
        why = ("algebra: write a^L (and σ') out by their definitions, collapse the Kronecker delta, cancel"
               if unfolded[1] != target else "algebra: collapse the Kronecker delta, factor")
        if rest != 0:
            checked = f"NOT established: the difference does not reduce to 0; remainder {latex(rest)}"
        steps.append(Step(latex(prev), rhs_latex or latex(target), why, checked))
    except IdentityError as exc:  # a malformed link, a fact cited that does not apply here
        reason = f"{idt.name}: " + "; ".join(failed + [str(exc)])
        return Certificate(verdict="undecided", reason=reason, seconds=time.perf_counter() - t0, **base)
    except ReductionTimeout as exc:
        return Certificate(verdict="undecided", reason=f"{idt.name}: {exc}", seconds=time.perf_counter() - t0, **base)
    batch = m.m_batch in lhs.free_symbols | target.free_symbols
    depth = f"{_depth(idt, said, batch)} (checked: its lines mention only layers {', '.join(layers)}, each of symbolic size)"
    details = {"lemmas": used, "ranges": ranges_text(ranges), "depth": depth, "layers_used": layers}
    # Independent checks of the same claim (e.g. by differentiating the composed
    # cost, with no chain-rule axiom): a failure there means something is wrong.
    extra = [n for n in idt.corroboration if n in session.lemmas and lemma_applies(session.lemmas[n], session.gnet.cost)]
    for n in extra:
        c = session.lemma(n)
        if c.verdict != "proved-for-all-sizes":
            failed.append(f"the corroborating {n} is {c.verdict}: {c.reason}")
    if extra:
        details["corroborated_by"] = extra
    seconds = time.perf_counter() - t0
    if rest != 0:
        details["remainder"] = latex(rest)
        failed.append(f"the last step does not reduce to 0; remainder {latex(rest)}")
    # The lemmas' own proofs first, so the certificate reads as a whole proof.
    lemma_steps = [replace(st, why=f"{n}: {st.why}") for n in used if n in session.lemma_certs
                   for st in session.lemma_certs[n].steps]
    steps = lemma_steps + steps
    if not failed:
        return Certificate(verdict="proved-for-all-sizes", steps=tuple(steps), seconds=seconds, details=details, **base)
    reason = f"{idt.name} is not proved for all sizes: " + "; ".join(failed)
    return Certificate(verdict="undecided", steps=tuple(steps), seconds=seconds, reason=reason, details=details, **base)


def has_sigma(m, exprs) -> bool:
    """Whether any of ``exprs`` mentions σ or σ' (a named activation then needs specialising)."""
    return any(e.has(m.sigma, m.sigma_prime) for e in exprs)
