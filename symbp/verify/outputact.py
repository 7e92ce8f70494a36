r"""The output layer's own activation, said in words beside σ (issue 12/14).

Notes bind σ for the layers in general (``a^l = \sigma(z^l)``, σ the logistic sigmoid) and then name the output
layer's activation in words, otherwise: "the output layer is linear", "the output layer uses tanh", "výstupní vrstva je
lineární", "выходной слой линейный", "na wyjściu funkcja logistyczna" (``outputwords``). Read with σ at every layer,
``\delta^L = (a^L - y) \odot \sigma'(z^L)`` held for a linear output, where δ^L = a^L − y (quadratic cost). So:

* one elementwise activation symbp has (the identity, the sigmoid, tanh, relu), named for the output layer and not
  the one σ is, is **honoured**: the networks are built with it at layer L and σ at the others (``Setting.output``);
  σ written at layer L (``\sigma'(z^L)``, ``a^L = \sigma(z^L)``) is where the formula and the words disagree, and
  that layer is outside the formula's domain, with a reason naming both (``at_output``): never silently one of them;
* an activation symbp has no network of ("softplus", "leaky ReLU"), or several different ones said for the output
  layer, or one beside a softmax said for it too, or words that say only what is usual or possible ("for regression
  the output layer is usually linear": kind "hedged"), is **not honoured**: the claims that depend on the output layer are
  not judged (``unknowns.Unknown`` "linear", with the reason ``conflict``).

>>> honoured([("linear", 5, "output layer is linear", ("linear",))])
('identity', 'line 5 (“output layer is linear”)', 5)
>>> honoured([("tanh", 3, "output layer uses tanh", ("tanh",)), ("linear", 7, "output layer is linear", ("linear",))]) is None
True
>>> activations("sigmoid", 4, ("identity", "line 5"))
'sigmoid,sigmoid,identity'
"""

from __future__ import annotations

from .values import OutsideDomain

#: How the reason ``at_output`` gives ends (``check`` says it beside a verdict on the layers below).
NOT_JUDGED = "so the output layer is not judged"
#: symbp's name for each kind of output ``outputwords`` reads (a softmax is ``model``'s, with its cost).
NAMES = {"linear": "identity", "sigmoid": "sigmoid", "tanh": "tanh", "relu": "relu"}


def worded(said: list, activation: "str | None", model, aside=lambda line: "") -> list:
    """(kind or 'hedged' or 'unread', line, words, kinds seen) of each output activation said in words
    (``outputwords``), but a softmax and the one σ in force there already is ("uses the sigmoid" of a sigmoid σ).
    Words in an example, an exercise or a note (``aside(line)``, ``reachwords.asides``) are the example's: hedged,
    never the notes' (review rv53 F2). A plain denial ("the output layer is not linear") leaves σ, unless it denies
    σ's own activation (then the words and σ disagree: unread)."""
    out = []
    for s in said:
        sigma = activation or model.at(s.line).get("activation")
        if s.kind.startswith("not-"):
            if s.kind[4:] in NAMES and NAMES[s.kind[4:]] == sigma:
                out.append(("unread", s.line, s.words, (s.kind[4:],)))
            continue
        if s.kind == "softmax" or s.kind in NAMES and NAMES[s.kind] == sigma:
            continue
        kind = "unread" if s.kind == "unread" else "hedged" if s.hedged or aside(s.line) else s.kind
        out.append((kind, s.line, s.words, s.seen if s.kind == "unread" else (s.kind,), s.since or s.line))
    return out


def unjudged(found: list, model) -> str:
    """Why the output's claims are not judged when the words cannot be honoured ('' when they are)."""
    return conflict(found, next((d.line for d in model.definitions if d.what == "softmax"), None))


def honoured(found: list) -> "tuple | None":
    """(activation, words, line) of the output layer said in words by ``found`` ((kind, line, words, kinds, the first
    line of their paragraph), the softmax left out), when they say one activation symbp has; None when they say none,
    or what they say cannot be honoured (``conflict``). The words reach the claims from their paragraph on
    (``reaches``: "We use $a^l = \sigma(z^l)$. The output layer is linear." reaches the formula before them)."""
    if not found or conflict(found):
        return None
    kind, line, words = found[0][:3]
    return NAMES[kind], f"line {line} (“{words}”)", found[0][4] if len(found[0]) > 4 else line


def reaches(output: "tuple | None", line: int) -> bool:
    """Do the output words ``output`` (``honoured``) reach a claim at ``line``? From their paragraph on: a claim in a
    paragraph before them is not judged (``later``), never checked with σ at the output nor with their activation."""
    return output is not None and line >= output[2]


def later(found: list, model) -> str:
    """Why a claim that depends on the output layer and comes before the words honoured (``found``) is not judged."""
    output = honoured(found)
    if output is None:
        return ""
    return (f"the notes name the output layer's activation in words only later, at {output[1]}; whether they speak of "
            "the network of an earlier claim is not known")


def where(found: list, output: "tuple | None") -> tuple:
    """(line, ``unknowns.Unknown`` kind) of the output words ``found``: honoured (``output``), the claims before their
    paragraph are not judged ("output-later", ``later``); else none that depends on the output layer is
    ("output-words", ``conflict``)."""
    return (output[2], "output-later") if output else (found[0][1], "output-words")


def conflict(found: list, softmax: "int | None" = None) -> str:
    """Why the output layer said in words by ``found`` cannot be honoured ('' when it can, or nothing is said);
    ``softmax``: the line a softmax output is said or written at, if any."""
    if not found:
        return ""
    said = "; ".join(f"line {f[1]}: “{f[2]}”" for f in found)
    if any(f[0] == "hedged" for f in found):
        return (f"the notes name the output layer's activation in words only as what is usual or possible ({said}), "
                "not surely as their network's")
    other = [f[2] for f in found if f[0] not in NAMES and f[0] != "unread"]
    if other:
        return (f"the notes name the output layer's activation in words ({said}), and symbp's networks have no output "
                "layer of that activation")
    if len({NAMES.get(kind, kind) for f in found for kind in f[3]}) > 1:
        return f"the notes name the output layer's activation in words otherwise at different places ({said})"
    unread = "; ".join(f"line {f[1]}: “{f[2]}”" for f in found if f[0] == "unread")
    if unread:
        return f"the notes speak of the output layer's activation in words symbp cannot read as the model ({unread})"
    if softmax is not None:
        return f"the notes make the output layer a softmax at line {softmax} and name its activation otherwise ({said})"
    return ""


def activations(activation: str, L: int, output: "tuple | None") -> str:
    """The activation of every layer 2..L of a network of ``L`` layers: ``activation``, and ``output``'s at layer L."""
    if output is None:
        return activation
    return ",".join([activation] * (L - 2) + [output[0]])


def at_output(ctx, l: int, func: str, what: str) -> None:
    """Raise ``OutsideDomain`` when ``what`` applies σ (``func``; not a function it names, tanh, relu, exp) at the
    output layer ``l`` of a network whose output activation the words make another (``ctx.output``): the formula and
    the words disagree there, and the reason names both."""
    output = getattr(ctx, "output", None)
    if output is None or l != ctx.net.L or func in ("tanh", "relu", "exp"):
        return
    hidden = getattr(ctx, "activation", None) or "generic"
    if hidden == output[0]:
        return  # (an alternative reading whose σ is the output's own: ``prosecost``)
    sigma = "σ, the activation of the other layers" if hidden == "generic" else f"σ, the {hidden}"
    raise OutsideDomain(f"{what} at the output layer L against the words at {output[1]}, which make its activation "
                        f"{output[0]}, not {sigma}: the formula and the words disagree there, " + NOT_JUDGED)


__all__ = ["NAMES", "NOT_JUDGED", "activations", "at_output", "conflict", "honoured", "later", "reaches", "where"]
