r"""A definition with no meaning in the notes' own terms stays on its own line.

Before issue 14 a definition the graph evaluator refuses (``J = \frac{1}{m}\sum_{t=1}^{m} L^{(t)}`` before the
mini-batch reading of ``graphbatch``, or ``y = \sum_w w^2``) stopped the whole model: every formula of the notes
went unjudged. Here such a definition is taken out of the model and *left unread*: its line is uninterpretable
with the evaluator's reason, and the name it defines joins the names whose definition is not read
(``graphnotes.unread_definitions``), so it is never an input of the notes. A claim that reaches it holds only if it
holds however that name is computed (the generic twins of ``graphundefined``); a claim about the name itself, which
no definition then mentions, is uninterpretable, naming the unread line. The rest of the notes is judged as before.

>>> from symbp.verify.graphread import read_graph as r
>>> defs = [(1, r("g = W x"), None), (2, r("J = \\sum_w w^2"), None)]
>>> kept, dropped = leave_unread(defs, [], [], None)
>>> [ln for ln, _, _ in kept], [(d[0], name) for d, name, _ in dropped]
([1], [(2, 'J')])
"""

from __future__ import annotations

from .graphbuild import build
from .graphcheck import GraphOutcome
from .graphfamily import UNINTERPRETABLE, checker
from .graphmodel import GraphError, GraphUninterpretable, Sym, to_latex
from .graphnodes import Mat, walk


def _meaningless(defs: list, all_eqs: list, hints: list, sigma) -> tuple | None:
    """((line, equation), why) of the first definition the model cannot give a meaning, or None."""
    plain = [(ln, eq) for ln, eq, _ in defs]
    for start in (0, 1):  # the second member of a family of open sizes is built from the same definitions
        try:
            build(plain, all_eqs, hints, sizes={"start": start}, sigma=sigma)
        except GraphUninterpretable as exc:
            found = getattr(exc, "definition", None)
            return None if found is None else (found, str(exc))
        except GraphError:
            return None
    return None


def defined_names(eq) -> list:
    """The names a definition gives a value: ``J`` in ``J = …``, x and y in ``(x_1, y_1) = …``."""
    lhs = eq.sides[0]
    if isinstance(lhs, Sym):
        return [lhs.base]
    if isinstance(lhs, Mat):
        return list(dict.fromkeys(n.base for n in walk(lhs) if isinstance(n, Sym)))
    return []


def leave_unread(defs: list, all_eqs: list, hints: list, sigma) -> tuple[list, list]:
    """(the definitions kept, [(definition, name, reason)] of those left unread): each definition the model cannot
    give a meaning is taken out, one at a time, until the rest builds (or fails for another reason, which the
    caller reports as before)."""
    kept, dropped = list(defs), []
    for _ in range(len(defs)):
        found = _meaningless(kept, all_eqs, hints, sigma)
        if found is None:
            break
        (_, eq), reason = found
        d = next((d for d in kept if d[1] is eq), None)
        if d is None:
            break
        kept = [k for k in kept if k is not d]
        for name in defined_names(d[1]) or ["?"]:
            dropped.append((d, name, reason))
    return kept, dropped


def checked_locally(defs: list, all_eqs: list, hints: list, claims: list, sigma, unread: dict, samples=None):
    """``checker`` on the definitions, with each definition that has no meaning left unread (see the module
    docstring): (model, error, repaired, check, defs kept, dropped)."""
    model, error, repaired, check = checker(defs, all_eqs, hints, claims, sigma, unread, samples)
    if model is not None or not error.startswith(UNINTERPRETABLE):
        return model, error, repaired, check, defs, []
    kept, dropped = leave_unread(defs, all_eqs, hints, sigma)
    if not dropped or not kept:
        return model, error, repaired, check, defs, []
    for (line, _, _), name, _ in dropped:
        unread.setdefault(name, line)
    model, error, repaired, check = checker(kept, all_eqs, hints, claims, sigma, unread, samples)
    return model, error, repaired, check, kept, dropped


def unread_outcome(d: tuple, reason: str) -> GraphOutcome:
    """The verdict on the line of a definition left unread."""
    names = ", ".join(defined_names(d[1]))
    return GraphOutcome("uninterpretable", f"{to_latex(d[1])}: the definition is not read in the notes' own terms "
                        f"({reason}); {names} is left a quantity computed in a way not read, never an input, and the "
                        f"claims through it are judged only where they hold however it is computed")


def name_unread(outcome: GraphOutcome, dropped: list) -> GraphOutcome:
    """A claim about a name whose definition is left unread says so (not "the notes never define J")."""
    if outcome.status != "uninterpretable":
        return outcome
    for (line, _, _), name, _ in dropped:
        never = f"the notes never define {name}"
        if never in outcome.reason:
            outcome.reason = outcome.reason.replace(never, f"the definition of {name} on line {line} is not read")
    return outcome


__all__ = ["checked_locally", "defined_names", "leave_unread", "name_unread", "unread_outcome"]
