r"""A function of the notes' own applied to a whole vector is read entry by entry only where that is all they say.

``z = F(y)`` of a vector y is read as F applied to every entry (``z_k = F(y_k)``), so ∂z/∂y is diagonal. That is
the reading of notes that say nothing about F (a letter applied to a vector, as ``h = \tanh(g)`` is). When the prose
says anything about F, the reading holds only if what it says is read, and is that F acts entry by entry
("Here $F$ is applied entrywise", "$F$ any differentiable function applied entrywise"). Any other sentence naming
F ("Here $F$ is any map from $\mathbb{R}^2$ to $\mathbb{R}^2$", "an arbitrary function of $y$, not acting
entrywise", "$F$ is the softmax", "$F$ may couple the entries of $y$", "$F$ is differentiable"), or one right after
it that goes on about it ("It mixes the entries of $y$."), makes F a general map of the vector, which is not read
(reviews rv42c 4 and rv44 A8: ``\frac{\partial z}{\partial y} = \operatorname{diag}(F'(y))`` held). A definition
that applies F to anything but an entry is then left unread (``graphlocal``): what it defines is computed in a way
not read, so a claim through it holds only if it holds however it is computed; a claim that applies F (or F') to
anything but an entry is uninterpretable, naming the sentence. English, Czech, Polish and Russian words are read as entrywise; σ, tanh and the
other functions symbp knows are not the notes' own letters and stay entry by entry.

>>> from symbp.verify.graphread import read_graph
>>> defs = [(3, read_graph("z = F(y)"), None), (5, read_graph("g = x W"), None)]
>>> general = general_functions("Here $F$ is any map from $\\mathbb{R}^2$ to $\\mathbb{R}^2$.", [d[1] for d in defs])
>>> kept, dropped = general_maps(defs, general)
>>> [ln for ln, _, _ in kept], [(d[0], name) for d, name, _ in dropped]
([5], [(3, 'z')])
>>> general_functions("Here $F$ is applied entrywise to $y$.", [d[1] for d in defs])
{}
"""

from __future__ import annotations

import re

from .graphcheck import GraphOutcome
from .graphmodel import to_latex
from .graphnodes import Call, Num, Sym, walk
from .graphshapes import model_functions
from .graphundefined import MapLine
from .sentences import FORMULA, DISPLAY, line_of, sentences

_EW_ADVERB = (r"(?:entry-?wise|element-?wise|component-?wise|coordinate-?wise|entry\s+by\s+entry|"
              r"element\s+by\s+element|component\s+by\s+component|coordinate\s+by\s+coordinate|"
              # Czech, Polish, Russian: po složkách, po współrzędnych, покомпонентно, …
              r"po\s+složkách|po\s+prvcích|prvek\s+po\s+prvku|složkově|po\s+współrzędnych|po\s+składowych|"
              r"element\s+po\s+elemencie|po\s+elementach|elementowo|покомпонентно|поэлементно|по\s+компонентам|"
              r"по\s+элементам|по\s+координатам)")
_EACH = r"(?:(?:separately\s+)?(?:to|on)\s+(?:each|every)\s+(?:entry|element|component|coordinate)(?:\s+of\s+MATH)?)"
_ADJ = (r"(?:(?:arbitrary|general|generic|differentiable|twice\s+differentiable|smooth|nonlinear|non-linear|scalar|"
        r"real|real-valued|fixed|given|continuous|monotone|monotonic|increasing|activation)\s+)*")
_NOUN = r"(?:function|map|mapping|nonlinearity|non-linearity|activation)"
_OPEN = (r"(?:(?:here|where|and|with|let|now|then|also|assume(?:\s+that)?|suppose(?:\s+that)?|we\s+assume(?:\s+that)?|"
         r"note\s+that)\s*,?\s*)*")
_VERB = r"(?:is|be|acts|act|operates|is\s+applied|be\s+applied|denotes)"
_ARG = r"(?:\s+(?:to|on)\s+MATH)?"
#: The clause of a sentence that says F acts entry by entry, and nothing else, with F's math as FN and any other
#: name's as MATH: "$F$ acts entrywise on $y$", "$F$ is any differentiable function applied entrywise",
#: "$F$ is an entrywise function", "$F$ is applied to each entry of $y$".
_ENTRYWISE = re.compile(
    _OPEN + r"FN(?:\s+" + _VERB + r")?"
    r"(?:\s+(?:(?:a|an|any|some|the)\s+)?" + _ADJ + _NOUN + r")?"
    r"\s+(?:(?:applied|acting|operating|(?:that|which)\s+(?:acts|is\s+applied|operates))\s+)?"
    r"(?:" + _EW_ADVERB + _ARG + r"|" + _EACH + r"|(?:to|on)\s+MATH\s+" + _EW_ADVERB + r")"
    r"|" + _OPEN + r"FN(?:\s+" + _VERB + r")?\s+(?:(?:a|an|any|some|the)\s+)?" + _ADJ + _EW_ADVERB + r"\s+"
    + _ADJ + _NOUN + r"(?:\s+(?:applied\s+)?(?:to|on)\s+MATH)?", re.IGNORECASE)
#: Czech, Polish and Russian openers and verbs: "где функция $h$ применяется покомпонентно", "kde $h$ působí po
#: složkách", "gdzie $h$ działa po współrzędnych", "Положим $z = h(y)$", "potem $z = \phi(y)$ po współrzędnych".
_OPEN_X = (r"(?:(?:где|причём|причем|затем|потом|и|а|пусть|положим|kde|přičemž|pak|poté|a|i|nechť|položme|gdzie|"
           r"przy\s+czym|potem|następnie|niech|połóżmy)\s+)*")
_FUNC_X = r"(?:(?:функция|отображение|funkce|zobrazení|funkcja|odwzorowanie)\s+)?"
_VERB_X = (r"(?:применяется|действует|působí|se\s+aplikuje|je\s+aplikována|działa|jest\s+stosowana|"
           r"stosuje\s+się)")
#: A definition said to be entry by entry: "Set $z = h(y)$ entrywise", "$z = h(y)$ is computed elementwise", "is
#: followed by $z = h(y)$ elementwise" (words before it are read by ``_TURN`` alone).
_DEFINED_ENTRYWISE = re.compile(
    r"(?:" + _OPEN + r"(?:(?:we\s+)?(?:set|let|define|compute|write|take|apply)\s+)?|" + _OPEN_X +
    r"|(?:is\s+)?followed\s+by\s+|[^\W\d_]+(?:\s+[^\W\d_]+){0,5}\s+(?:is\s+)?followed\s+by\s+)"
    r"FDEF\s+(?:(?:is\s+)?(?:computed|taken|applied|defined)\s+)?" + _EW_ADVERB, re.IGNORECASE)
#: F said to act entry by entry in Czech, Polish or Russian (the whole clause, nothing else).
_ENTRYWISE_X = re.compile(_OPEN_X + _FUNC_X + r"FN\s+" + _VERB_X + r"\s+" + _EW_ADVERB, re.IGNORECASE)
#: What F is, in words that leave how it meets a vector to another clause: "where $h$ is some smooth function".
_DESCRIBED = re.compile(_OPEN + r"FN(?:\s+(?:is|be|denotes))?\s+(?:(?:(?:a|an|any|some)\s+)?" + _ADJ + _NOUN +
                        r"|(?:left\s+)?(?:undefined|unspecified|unknown|arbitrary))", re.IGNORECASE)
#: Words that turn a sentence or say how entries are related: never beside a clause read as entrywise.
_TURN = re.compile(r"\b(?:not|no|never|nor|but|however|although|though|yet|whereas|unless|except|rather|instead|"
                   r"unlike|if|would|could|may|might|mix\w*|coupl\w*|depend\w*|whole|joint\w*|together|jacobian|"
                   r"diagonal|full|it|its|itself|which|whose|this|that|these|those|they|them|"
                   # the same in Czech, Polish, Russian: ne, nie, не, ale, но, pokud, если, závisí, зависит, …
                   r"ne|nie|не|ни|ale|však|jednak|но|однако|pokud|jestli|jeśli|jeżeli|если|závis\w*|zależ\w*|завис\w*|"
                   r"smíš\w*|miesza\w*|смешива\w*)\b|n[’']t\b", re.IGNORECASE)
_CLAUSES = re.compile(r"\s*(?:[,;:]|\band\b|\bwhile\b|\bwith\b)\s*", re.IGNORECASE)
#: A definition stated beside the words that say F acts entrywise ("We compute $z = h(g)$ with $h$ … entrywise").
_STATED = re.compile(r"(?:" + _OPEN + r"(?:(?:we\s+)?(?:set|let|define|compute|write|take|apply)\s+)?|" + _OPEN_X +
                     r")FDEF", re.IGNORECASE)
#: A sentence that opens by pointing back at what the one before named ("It mixes …", "This map …").
_BACK = re.compile(r"\s*(?:it|its|this|that|such|the\s+(?:function|map|mapping|transformation)|here\s+it)\b",
                   re.IGNORECASE)


#: One name, as the argument an entrywise clause may name ("applied entrywise to $y$"): "to $Py$" or "to $y -
#: \bar{y}$" says F meets another vector than the one the definition gives it, so the clause is not read (rv48 A4).
_SIMPLE = re.compile(r"\s*(?:\\(?:mathbf|boldsymbol|bm|vec|mathrm)\s*\{\s*)?(?:\\[A-Za-z]+|[A-Za-z])(?:\s*\})?"
                     r"(?:\s*_\s*(?:\{[^{}]*\}|\w))?\s*")


def _token(name: str) -> str:
    return re.escape(name) + r"(?![A-Za-z])" if name.startswith("\\") else r"(?<![\\A-Za-z])" + re.escape(name) + \
        r"(?![A-Za-z])"


def _defines(math: str, name: str) -> bool:
    # $z = F(y)$: one name defined as F of one argument
    return re.fullmatch(r"\$\s*[A-Za-z]\s*=\s*" + re.escape(name) + r"\s*\(\s*[^()$]*\)\s*\$", math.strip()) is not None


def _plain(math: str, name: str) -> bool:
    # $F$, $\mathbf{F}$, $F \colon \mathbb{R} \to \mathbb{R}$ (of one number): F itself, as an entrywise clause's subject
    body = math.strip("$").strip()
    body = re.sub(r"^\\(?:mathbf|mathrm|boldsymbol|bm|operatorname)\s*\{\s*(.*?)\s*\}$", r"\1", body)
    return body == name or re.fullmatch(re.escape(name) + r"\s*(?::|\\colon)\s*\\mathbb\s*\{?R\}?\s*\\to\s*"
                                        r"\\mathbb\s*\{?R\}?", body) is not None


def _read_entrywise(sentence: str, name: str) -> bool:
    """Whether ``sentence`` (which names ``name``) says only that it acts entry by entry, and other names' things."""
    token = re.compile(_token(name))
    parts, at, named = [], 0, False
    for m in FORMULA.finditer(sentence):
        parts.append(sentence[at:m.start()])
        if token.search(m.group(0)):
            if _defines(m.group(0), name):
                parts.append(" FDEF ")  # $z = h(y)$: read only with "entrywise" after it
            elif not _plain(m.group(0), name):
                return False  # $F(y)$, $F: \mathbb{R}^2 \to \mathbb{R}^2$: more than the name
            else:
                parts.append(" FN ")
            named = True
        else:
            parts.append(" MATH " if _SIMPLE.fullmatch(m.group(0).strip().strip("$")) else " EXPR ")
        at = m.end()
    words = "".join(parts + [sentence[at:]]).strip().rstrip(".!?").strip()
    if not named or token.search(re.sub(r"FDEF|FN|MATH|EXPR", " ", words)):
        return False  # F written outside math: not read
    clauses = [c.strip() for c in _CLAUSES.split(words) if c.strip()]
    ours = [c for c in clauses if "FN" in c or "FDEF" in c]
    if any(_TURN.search(c.split("FDEF")[0]) for c in ours if "FDEF" in c):
        return False  # "is not followed by $z = h(y)$ entrywise": the words before the definition turn it
    said = any(_ENTRYWISE.fullmatch(c) or _ENTRYWISE_X.fullmatch(c) or _DEFINED_ENTRYWISE.fullmatch(c) for c in ours)
    # F's clauses are read whole (no word of them is left over): each says F acts entrywise, or says what F is in
    # words beside one that does; the others are about other names and neither turn the sentence nor relate entries
    # ("but $z_1$ depends on $y_2$")
    return said and all(_ENTRYWISE.fullmatch(c) or _ENTRYWISE_X.fullmatch(c) or _DEFINED_ENTRYWISE.fullmatch(c)
                        or _DESCRIBED.fullmatch(c)
                        or _STATED.fullmatch(c) for c in ours) and all(("MATH" in c or "EXPR" in c) and not _TURN.search(c)
                                                    for c in clauses if c not in ours)


#: The words of a sentence that only states formulas ("Let $z = F(y)$.", "We set $z = F(y)$ and $L = L(z)$.").
_STATING = {"let", "we", "have", "set", "define", "compute", "write", "get", "obtain", "then", "so", "thus", "hence",
            "now", "and", "with", "where", "here"}


def _states(sentence: str, name: str) -> bool:
    # a sentence of formulas only, each that writes F an equation: the formulas' readers read it, not the prose's
    token = re.compile(_token(name))
    inline = [m.group(0) for m in FORMULA.finditer(sentence)]
    rest = re.sub(r"[,;:.!?]", " ", FORMULA.sub(" ", sentence)).lower().split()
    return all("=" in m for m in inline if token.search(m)) and all(w in _STATING for w in rest)


#: One-letter words of the languages notes come in (a, i, z, w, …): never read as a function's name outside math.
_WORD_LETTERS = set("aAiIoOuUwWzZvVsSkKeEy")


def _bare(sentence: str, name: str) -> bool:
    # "Here F is any map": F written outside math names it too
    return name not in _WORD_LETTERS and re.search(_token(name), FORMULA.sub(" ", sentence)) is not None


def _applied(eqs) -> set:
    # the notes' own function letters applied to something other than an entry or a number (F in z = F(y))
    out = set()
    for eq in eqs:
        for n in walk(eq):
            if isinstance(n, Call) and isinstance(n.func, Sym) and not n.func.sub and not _entries(n.args):
                out.add(n.func.base.rstrip("'"))
    return out


def _entries(args) -> bool:
    return all(isinstance(a, Num) or (isinstance(a, Sym) and a.sub) for a in args)


def general_functions(text: str, eqs: list, unread: list = (), defs: list | None = None) -> dict:
    r"""letter -> why it is a general map: the notes' function letters applied to a whole vector in ``eqs`` (their
    formulas; ``defs``, the definitions, tell a function from a quantity before a bracket) that a sentence of the
    prose names without saying only that it acts entry by entry, or that a formula not read (``unread``: (line,
    text) of unreadable formulas, ``F: \mathbb{R}^2 \to \mathbb{R}^2``) names."""
    out: dict = {}
    names = _applied(eqs)
    if defs is not None:  # x (…) of a vector x the definitions use is a product, not x applied (``model_functions``)
        names &= model_functions(defs, eqs)
    if not names:
        return out
    spans = [(s, e, text[s:e]) for s, e in sentences(text)]
    for name in sorted(names):
        token = re.compile(_token(name))
        prior = False
        for s, _, sentence in spans:
            words = FORMULA.sub(lambda m: " " if DISPLAY.match(m.group(0)) else m.group(0), sentence)
            inline = [m.group(0) for m in FORMULA.finditer(words)]
            names_it = (any(token.search(m) for m in inline) and not _states(words, name)) or bool(
                prior and _BACK.match(words)) or _bare(words, name)
            if names_it and not _read_entrywise(words, name):
                shown = " ".join(words.split())
                shown = shown if len(shown) <= 90 else shown[:87] + "…"
                out[name] = f"line {line_of(text, s + len(sentence) - len(sentence.lstrip()))} says what {name} is " \
                            f"(“{shown}”), and not only that it acts entry by entry"
                break
            prior = names_it or (prior and not words.strip())
        else:
            for line, formula in unread:
                if token.search(formula):
                    out[name] = f"line {line} writes {name} in a formula that is not read ({formula.strip()})"
                    break
    return out


def _words(name: str, why: str) -> str:
    return (f"{why}; {name} of a vector is read entry by entry only where the notes say no more than that, and any "
            "map of a vector is not read")


def general_maps(defs: list, general: dict) -> tuple[list, list]:
    """(the definitions kept, [(definition, name, reason)] of those that apply a ``general`` letter to anything but an
    entry), see the module docstring."""
    kept, dropped = [], []
    for d in defs:
        eq = d[1]
        hit = sorted(f for f in _applied([eq]) if f in general)
        lhs = eq.sides[0]
        if hit and isinstance(lhs, Sym):
            dropped.append((d, lhs.base, _words(hit[0], general[hit[0]])))
        else:
            kept.append(d)
    return kept, dropped


#: Words that leave a map arbitrary (English, Czech, Polish, Russian): any, arbitrary, general, libovolné, obecné,
#: dowolne, ogólne, произвольное, любое.
_ARBITRARY = re.compile(r"\b(?:any|arbitrary|general|generic|unspecified|libovoln\w*|obecn\w*|jakékoli\w*|"
                        r"dowoln\w*|ogóln\w*|jakiekolwiek\w*|произвольн\w*|любо\w*|общ\w*)", re.IGNORECASE)


def map_line(d: tuple, general: dict) -> MapLine:
    """The line of a definition ``d`` (line, equation, piece) that applies a ``general`` letter, with what it is
    applied to: z = F(y) says z is computed from y (``graphundefined.MapLine``)."""
    line, eq = d[0], d[1]
    calls = [n for n in walk(eq.sides[-1]) if isinstance(n, Call) and isinstance(n.func, Sym)
             and n.func.base.rstrip("'") in general]
    args = {a.base for c in calls for arg in c.args for a in walk(arg) if isinstance(a, Sym)}
    func = calls[0].func.base.rstrip("'") if calls else ""
    return MapLine(line, tuple(sorted(args)), func, _ARBITRARY.search(general.get(func, "")) is not None)


def general_claims(results: dict, general: dict, is_claim) -> None:
    """A claim that applies a ``general`` letter (or its derivative) to anything but an entry is not judged:
    uninterpretable, naming the words (``results``: id(formula) -> (piece, outcomes), as ``graphnotes`` keeps them)."""
    if not general:
        return
    for p, outcomes in results.values():
        claims = [e for e in p.eqs if is_claim(e)]
        for k, eq in enumerate(claims[:len(outcomes)]):
            hit = sorted(f for f in _applied([eq]) if f in general)
            if hit and outcomes[k].status != "uninterpretable":
                outcomes[k] = GraphOutcome("uninterpretable", f"{to_latex(eq)}: {_words(hit[0], general[hit[0]])}, "
                                           "so the claim is not judged")


__all__ = ["general_claims", "general_functions", "general_maps", "map_line"]
