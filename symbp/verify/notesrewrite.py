r"""The notes' own ways of writing a claim or a definition, rewritten before the model is read (``notes``).

* a cost given as a bare expression in a sentence: the definition ``C = …`` (``costbare``);
* a new value named in words or an iterate of an update rule: the rule ``W ← W − η ∇C`` (``updatewords``,
  ``updateiterates``);
* the cost under another letter the notes give it (c for C): the claim in the cost's letter (``names``);
* a quantity assigned from itself (computed in steps): its other assignments are intermediate values, not read;
* backpropagation's step written as an assignment (δ^l := …): the claim δ^l = … (``assignments``).
"""

from __future__ import annotations

from dataclasses import replace

from .assignments import in_place, recursion_claim
from .claims import first_side
from .costbare import bare_costs
from .names import as_cost, cost_letter_alias
from .updateiterates import is_iterate_step, iterate_rewrites, layer_names, names_gradient
from .updates import is_rule
from .updatewords import prose_new_values


def rewritten(text: str, items: list, nt) -> "tuple[list, set, dict, str]":
    """(``items`` rewritten, the (line, text) of the claims that name a gradient of an update rule's iterates, the
    claims renamed into the cost's letter by (line, new text), the cost's other letter or '')."""
    items = list(items)
    # c where the notes' cost is C (they write ΔC ≈ ∂c/∂z Δz): a definition c = … is checked as C = …
    # W_2 := W_1 - η G beside G = ∂L/∂W: the iterates of W, and the gradient G names (``updateiterates``)
    # U = W - η ∇L "where $U$ is the new value of the weights": the rule W ← W - η ∇L (``updatewords``, rv42)
    items = bare_costs(text, items, nt.names["cost"], nt.names["target"])  # "The cost is $\\|a^L - y\\|^2$." (rv50 A1)
    for n, new in prose_new_values(text, [(f.line, f.text, f.source) if f.kind in ("claim", "definition") and not (
            f.negated or f.under) else (f.line, "") for f in items]).items():
        items[n] = replace(items[n], text=new, kind="claim", source=items[n].source or items[n].text)
    rules = [n for n, f in enumerate(items) if f.kind in ("claim", "definition") and (is_rule(f.text) or is_iterate_step(f.text))]
    denied = tuple(n for n, f in enumerate(items) if f.negated or f.under)
    rewritten = iterate_rewrites([f.text for f in items], rules, denied, layer_names(text))
    for n, new in rewritten.items():
        items[n] = replace(items[n], text=new, kind="claim", source=items[n].source or items[n].text)
    gradient_named = {(f.line, f.text) for f in items if rewritten and names_gradient(f.text)}
    alias = cost_letter_alias([f.text for f in items], nt.names["cost"])
    renamed = {}
    if alias:
        for n, f in enumerate(items):  # (not ``text``: that is the notes', read for their prose below)
            as_c = as_cost(f.text, alias, nt.names["cost"]) if f.kind == "claim" else f.text
            if as_c != f.text:
                items[n] = renamed[(f.line, as_c)] = replace(f, text=as_c, source=f.source or f.text)
    # δ^l ← δ^l ⊙ σ'(z^l): a quantity computed in steps; its other assignments are intermediate values, not claims
    steps = {" ".join(n.split()): f.line for f in items for n in in_place(f.text)}
    for n, f in enumerate(items):
        name = " ".join((f.assigned or "").split()) or next((k for k in in_place(f.text) if " ".join(k.split()) in steps), "")
        if name in steps and f.kind in ("claim", "prose"):
            items[n] = replace(f, kind="unreadable", source=f.source or f.text, reason=(
                f"the notes assign {name} from itself at line {steps[name]} (computed in steps): an assignment of it "
                "is an intermediate value, not the equation, and is not read"))
    # δ^l := ((w^{l+1})^T δ^{l+1}) ⊙ σ'(z^l) is backpropagation's step, not a new δ: the claim δ^l = … (``assignments``)
    for n, f in enumerate(items):
        if f.kind == "definition" and not f.negated and (claim := recursion_claim(f.text, nt)) is not None:
            items[n] = replace(f, text=claim, kind="claim", reason="", source=f.source or f.text,
                               assigned=first_side(claim))
    return items, gradient_named, renamed, alias
