r"""Update rules in notes read with the notes' own names: numbered iterates and a gradient given a name.

Two writings of a step of gradient descent need the rest of the notes to be read:

* ``W_2 := W_1 - \eta G``: W_1 and W_2 may be two successive values of one parameter W (as ``W_t``, ``W_{t+1}``),
  or two parameters (the weights of two layers, ``h = W_1 x``, ``y = W_2 h``), where the rule starts from the
  wrong one. They are read as iterates of W only when no other formula of the notes names either of them (an
  update rule, or a gradient's name ``G = \frac{\partial L}{\partial W_1}``, does not define a parameter), and only
  for a capital letter (a matrix's W_1 is no entry of it; ``x_1`` of a vector, Nielsen's weights ``w_k``, ``θ_1``
  may be entries);
* ``G = \frac{\partial L}{\partial W}`` (or ``\nabla_W L``): G names the gradient; an update rule that subtracts
  η G is checked as the step by that derivative. A name with another definition is left as written.

``iterate_rewrites`` gives the rules' texts so read (the notes keep the text as written as the formula's source);
the step is then judged as any other (``updates``, ``graphupdate``).

>>> texts = ["W_2 := W_1 - \\eta G", "G = \\frac{\\partial L}{\\partial W}", "L = \\frac12 \\|W x - y\\|^2"]
>>> iterate_rewrites(texts, [0])
{0: 'W := W - \\eta \\frac{\\partial L}{\\partial W}'}
>>> iterate_rewrites(["W_2 := W_1 - \\eta G", "h = W_1 x", "y = W_2 h"], [0])
{}
"""

from __future__ import annotations

import re

from .sentences import FORMULA, masked, sentences

#: a name of the notes: a letter (or θ) with an optional subscript, G, g_t, \theta
_NAME = r"(?:[A-Za-z]|\\theta)(?:_\{?[A-Za-z0-9]+\}?)?"
_DERIV = re.compile(r"^\s*(?P<name>" + _NAME + r")\s*(?::=|=)\s*(?P<d>\\frac\s*\{\s*\\partial\s*[^{}]+\}\s*\{\s*\\partial\s*"
                    r"[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|\\nabla\s*_\s*(?:\{[^{}]*\}|[A-Za-z])\s*[A-Za-z](?:_\{?\w+\}?)?)"
                    r"\s*[.,;]?\s*$", re.S)
_ARROW = r":=|\\leftarrow|\\gets|\\to|\\rightarrow|="
#: a capital letter: a matrix's W_1 is never its entry (x_1 of a vector x, Nielsen's weight w_k, θ_1 of θ may be)
_ITERATE = re.compile(r"^\s*(?P<p>[A-Z])_\{?\s*(?P<new>\d+)\s*\}?\s*(?P<arrow>" + _ARROW + r")\s*"
                      r"(?P<q>[A-Z])_\{?\s*(?P<old>\d+)\s*\}?(?![\w^{])(?P<rest>.*)$", re.S)
_RATE = r"\\(?:eta|xi|alpha|epsilon|varepsilon|gamma|lambda|mu)(?![A-Za-z])"
_DEFINES = re.compile(r"^\s*(?P<name>" + _NAME + r")\s*(?::=|=)(?!=)")


def _token(name: str) -> re.Pattern:
    r"""``name`` (``G``, ``W_1``, ``W_{1}``) standing alone in a formula: not part of a longer name or a macro."""
    m = re.fullmatch(r"(?P<b>[A-Za-z]|\\theta)(?:_\{?(?P<s>[A-Za-z0-9]+)\}?)?", name)
    sub = r"_(?:\{\s*" + re.escape(m.group("s")) + r"\s*\}|" + re.escape(m.group("s")) + r"(?![A-Za-z0-9]))" \
        if m.group("s") else r"(?!\s*_)"
    return re.compile(r"(?<![A-Za-z\\])" + re.escape(m.group("b")) + sub + r"(?![A-Za-z'])")


def is_iterate_step(text: str) -> bool:
    r"""Whether ``text`` is ``P_{k+1} = P_k ± …`` with a learning rate in the step (``W_2 = W_1 - \eta G``): an update
    rule of numbered iterates however its arrow is written (the ``=`` too).

    >>> is_iterate_step(r"W_2 = W_1 - \eta G"), is_iterate_step("W_2 = W_1 - W_0")
    (True, False)
    """
    m = _consecutive(text)
    return bool(m and re.match(r"\s*[-+]", m.group("rest")) and re.search(_RATE, m.group("rest")))


def names_gradient(text: str) -> str:
    r"""The name ``text`` gives a derivative (``G`` of ``G = \frac{\partial L}{\partial W}``), '' for other text."""
    m = _DERIV.match(text)
    return m.group("name") if m else ""


def _consecutive(text: str) -> "re.Match | None":
    m = _ITERATE.match(text)
    return m if m and m.group("p") == m.group("q") and int(m.group("new")) == int(m.group("old")) + 1 else None


#: the reader's words for a letter the notation has no quantity for (``letters``)
_UNKNOWN = re.compile(r"the letter '([A-Za-z])' at position \d+ is not a quantity of the notation")


def undefined_name(status: str, reason: str, text: str, texts: list) -> str:
    r"""The letter that makes the update rule ``text`` unreadable (``status``, ``reason``: its verdict) when no formula
    of the notes (``texts``) defines it: ``W := W - \eta G`` with G nowhere defined is a step by an unknown G,
    uninterpretable, not a formula symbp cannot read; '' otherwise.

    >>> undefined_name("unreadable", "the letter 'G' at position 3 is not a quantity of the notation 'nielsen'",
    ...                r"W := W - \eta G", [r"W := W - \eta G"])
    'G'
    """
    m = _UNKNOWN.search(reason or "") if status == "unreadable" else None
    if m is None:
        return ""
    letter = m.group(1)
    if any((d := _DEFINES.match(t)) and re.match(re.escape(letter) + r"(?![A-Za-z])", d.group("name")) for t in texts):
        return ""
    side = re.split(_ARROW, text, maxsplit=1)[-1]
    return letter if re.search(r"(?<![A-Za-z\\])" + letter + r"(?![A-Za-z])", side) else ""


#: the new value of an update rule: ``W_2``, ``W_{t+1}``, ``\Theta_{t+1}``, ``W^{(t+1)}``, before its arrow
_ITERATE_NAME = r"(?:[A-Za-z]|\\[A-Za-z]+)\s*(?:_\s*(?:\{[^{}]*\}|\w)|\^\s*\{\s*\(\s*[A-Za-z]\s*\+\s*1\s*\)\s*\})"
_NEW = re.compile(r"^\s*(?P<new>" + _ITERATE_NAME + r")\s*(?P<arrow>" + _ARROW + r")(?P<rest>.*)$", re.S)
#: ``W_t \to W_{t+1} = W_t - …``: the new value named in the middle of the chain
_CHAINED = re.compile(r"^\s*(?P<new>" + _ITERATE_NAME + r")\s*=(?P<rest>.*)$", re.S)
#: a function applied to its arguments: ``L(W_2)``, ``J(\Theta_{t+1})``, ``\nabla L\left(W_{t+1}\right)``
_APPLIED = re.compile(r"(?:[A-Za-z]|\\ell|\})\s*(?:\\left\s*)?\((?P<args>[^()]*)(?:\\right\s*)?\)")


def _bare(name: str) -> str:
    return re.sub(r"[\s{}]", "", name)


def implicit_at(text: str) -> str:
    r"""The new value of the update rule ``text`` when its step evaluates the gradient there (``W_2 := W_1 - \eta
    \nabla_W L(W_2)``, ``W_{t+1} = W_t - \eta \nabla L(W_{t+1})``): an implicit step, solved for its new value,
    not a step of gradient descent, which takes the gradient where the step starts (review rv42: it held, the
    argument unread); '' otherwise.

    >>> implicit_at(r"W_2 := W_1 - \eta \nabla_W L(W_2)"), implicit_at(r"W_2 := W_1 - \eta \nabla_W L(W_1)")
    ('W_2', '')
    """
    m = _NEW.match(text)
    if m is None or not re.search(_RATE, m.group("rest")):
        return ""  # a step has a learning rate
    if m.group("arrow") in ("\\to", "\\rightarrow") and not _consecutive(text):
        m = _CHAINED.match(m.group("rest"))  # W_t \to W_{t+1} = …: the name before the arrow is the old value
        if m is None:
            return ""
    new = _bare(m.group("new"))
    for a in _APPLIED.finditer(m.group("rest")):
        if any(_bare(arg) == new for arg in a.group("args").split(",")):
            return m.group("new").strip()
    return ""


def gradient_names(texts: list) -> dict:
    r"""name -> the derivative it names, for each ``G = \frac{\partial L}{\partial W}`` of the notes whose name has no
    other definition."""
    found, other = {}, set()
    for t in texts:
        m = _DERIV.match(t)
        if m:
            found.setdefault(m.group("name"), set()).add(m.group("d").strip())
        else:
            d = _DEFINES.match(t)
            if d:
                other.add(d.group("name"))
    return {n: next(iter(ds)) for n, ds in found.items() if len(ds) == 1 and n not in other}


def iterate_rewrites(texts: list, rules: list, denied: tuple = (), layers: tuple = ()) -> dict:
    """index -> the text of the update rule ``texts[index]`` (``rules``: the indices of the notes' update rules)
    read with the notes' names: its numbered iterates as the one parameter they are the values of, a gradient's
    name as the derivative it names (see the module docstring); only the rules that change. A formula at an index
    in ``denied`` (one the notes call false, or suppose) names no gradient; a name in ``layers`` (one the prose calls
    a layer: "$W_1$ for the first layer") is a parameter of its own, never an iterate."""
    named = gradient_names([t for k, t in enumerate(texts) if k not in denied])
    # every other formula that names W_1 or W_2 makes them parameters (``W_1 := W_1 - η G_1`` too), but another step
    # from one iterate to the next (``W_3 := W_2 - η G``) and a gradient's name do not
    steps = {k for k in rules if is_iterate_step(texts[k]) or _consecutive(texts[k])}
    # a name alone in the prose ("the gradient of $L$ at $W_1$") says nothing of what W_1 is (review rv42: it made
    # W_1 a parameter, and the step "starts from W_1 instead of W_2")
    others = [t for k, t in enumerate(texts) if k not in steps and not _DERIV.match(t)
              and not re.fullmatch(r"\s*" + _NAME + r"\s*[.,;]?\s*", t)] + list(layers)
    out = {}
    for k in rules:
        text = texts[k]
        m = _consecutive(text)
        if m:
            p = m.group("p")
            olds = (f"{p}_{m.group('old')}", f"{p}_{m.group('new')}")
            if not any(_token(n).search(t) for n in olds for t in others):  # no other formula names them
                arrow = ":=" if m.group("arrow") == "=" else m.group("arrow")
                # the old iterate in the step is the parameter's current value (∂L/∂W_1 is ∂L/∂W at the start); the
                # new one stays as written: a gradient by W_2 is no step of gradient descent (rv40 A10)
                rest = _token(olds[0]).sub(lambda _: p, m.group("rest").lstrip())
                text = f"{p} {arrow} {p} {rest}"
                text = _named(text, named, olds[:1], p)  # G = ∂L/∂W_2 stays by the new iterate (rv40 A10)
        text = _named(text, named, (), "")
        if text != texts[k]:
            out[k] = text
    return out


_LAYER_WORDS = re.compile(r"\b(?:layers?|vrstv\w*|сло[йяеиюё]\w*|warstw\w*)\b", re.I)


def layer_names(text: str) -> tuple:
    r"""The names the prose calls layers: ``W_1`` of "We write $W_1$ for the first layer" (review rates3: read as an
    iterate, W_2 := W_1 − η G held as a step of W).

    >>> layer_names("We write $W_1$ for the first layer. The gradient at $W_2$.")
    ('W_1',)
    """
    out = []
    for a, b in sentences(text):
        sentence = text[a:b]
        if not _LAYER_WORDS.search(masked(sentence)):
            continue
        out += [m.group(0).strip("$ ") for m in FORMULA.finditer(sentence)
                if re.fullmatch(r"\s*" + _NAME + r"\s*", m.group(0).strip("$"))]
    return tuple(dict.fromkeys(out))


def _named(text: str, named: dict, olds: tuple, param: str) -> str:
    """``text`` with each gradient's name on the right of its arrow replaced by the derivative it names (and, in
    it, the iterates ``olds`` by ``param``)."""
    m = re.match(r"^(?P<head>.*?(?:" + _ARROW + r"))(?P<rest>.*)$", text, re.S)
    if m is None:
        return text
    rest = m.group("rest")
    for name, d in named.items():
        for old in olds:
            d = _token(old).sub(lambda _: param, d)
        # G^T: the derivative in brackets, transposed
        rest = _token(name).sub(lambda t, d=d: rf"\left({d}\right)" if re.match(r"\s*\^", t.string[t.end():]) else d,
                                rest)
    return m.group("head") + rest


__all__ = ["undefined_name", "gradient_names", "implicit_at", "names_gradient", "is_iterate_step", "iterate_rewrites",
           "layer_names"]
