r"""The output layer's kind said in words: "The output layer is a softmax layer", "linear (no activation)" (review 23, F1).

Notes often say what their output layer is only in words: "the hidden layers apply $\sigma$ and the output layer applies
the softmax function", "Výstupní vrstva je softmax", "Выходной слой — softmax", "Warstwa wyjściowa to softmax", "the
output layer is linear (no activation)", "identity output". Checked on symbp's σ output, ``a^L = \sigma(z^L)`` and BP1
with σ'(z^L) would hold. So:

* a **softmax output** in words is a definition of a softmax output (``model.Definition`` "softmax", value ``"words"``),
  as ``a^L_j = e^{z^L_j}/\sum_k e^{z^L_k}`` written out is: with the log-likelihood cost it is symbp's softmax
  cross-entropy model, without it the claims about C, δ, σ and a^L are not checked (``Model.own_terms``);
* a **linear output** in words ("linear", "the identity", "no activation function"), or one of the **elementwise
  activations** symbp has ("the output layer uses tanh / the logistic function / a ReLU"), is the output layer's own
  activation, honoured at layer L with σ at the others (``outputact``; issue 12/14); words naming another ("softplus")
  or saying only what is usual ("usually linear": ``Said.hedged``) leave the claims about the output layer unjudged.

The kind word must stand right beside the words naming the output layer (at most four words between them, none naming
the hidden layers): "the output layer applies the softmax function", "a softmax output layer", "softmax at the output".
Words that deny it in its clause ("not a softmax", "unlike a softmax output", ``prosecost``'s denials) or a sentence that
is hypothetical, conditional or an example ("if the output were a softmax", ``sentences.HYPOTHETICAL``) say nothing.

>>> [(s.line, s.kind) for s in said("Intro.\nThe output layer is a softmax layer.\n")]
[(2, 'softmax')]
>>> [(s.line, s.kind) for s in said("The hidden layers apply σ, while the output layer is linear (no activation).")]
[(1, 'linear')]
>>> said("The output layer is not a softmax."), said("If the output were a softmax, then …")
([], [])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import symbp.verify.outputplain as outputplain
from .model import Definition
from .prosecost import _denied, _prose_of
from .sentences import HYPOTHETICAL, line_of, sentences

#: A heading line: markdown's #, LaTeX's sectioning commands.
_HEADING = re.compile(r"[ \t]*(?:#{1,6}\s|\\(?:sub)*section\*?\s*\{|\\(?:chapter|paragraph|part)\*?\s*\{)")

#: Words naming the output layer (en, cs, ru, pl; any inflection).
_OUT = (r"(?:output|last|final|top)\s+(?:layer|neurons?|units?|nodes?|activation|non-?linearity)s?|output(?!s)(?!\s+of\b)"
        r"|výstupn\w*(?:\s+vrstv\w*|\s+neuron\w*)?|výstup\w*|posledn\w*\s+vrstv\w*"
        r"|выходн\w*(?:\s+сло\w*|\s+нейрон\w*)?|выход\w*|последн\w*\s+сло\w*"
        r"|warstw\w*\s+wyjściow\w*|wyjściow\w*(?:\s+warstw\w*)?|wyjści\w*|ostatni\w*\s+warstw\w*")
#: The kinds: a softmax; linear, the identity, no activation.
_KINDS = (("softmax", r"soft[-\s]?max\w*|софт[-\s]?макс\w*"),
          ("linear", r"(?<!rectified )linear(?![\w-])(?!\s+(?:combination|in\b|function\s+of|map|transformation|algebra|part|model|unit))"
                     r"|identity"
                     r"|no\s+(?:activation|non-?linearity)|without\s+(?:an?\s+|any\s+)?(?:activation|non-?linearity)"
                     r"|lineárn\w*|identit\w*|bez\s+(?:aktivační\s+funkce|aktivace|nelinearit\w*)"
                     r"|nemá\s+(?:žádnou\s+)?(?:aktivační\s+funkc\w*|aktivac\w*)"
                     r"|линейн\w*|тождествен\w*|без\s+(?:функции\s+)?активаци\w*"
                     r"|(?:не\s+имеет|нет)\s+(?:никакой\s+)?(?:функции\s+)?активаци\w*"
                     r"|liniow\w*|tożsamościow\w*|bez\s+(?:funkcji\s+)?aktywacji|nie\s+ma\s+(?:żadnej\s+)?(?:funkcji\s+)?aktywacji"))
#: The elementwise activations an output layer may be said to apply besides σ (issue 12/14: "the output layer uses
#: tanh" was not read, and BP1 with the hidden layers' σ'(z^L) held); "other" names one symbp has no network of.
_NAMED = (("sigmoid", r"sigmoid\w*|logisti\w*\s+(?:sigmoid\w*|function|funkc\w*|curve)|логистическ\w*\s+(?:функци\w*|сигмоид\w*)"
                      r"|сигмоид\w*|funkcj\w*\s+logistyczn\w*|logistyczn\w*\s+funkcj\w*"),
          ("tanh", r"tanh|hyperbolic\s+tangent|hyperbolick\w*\s+tangens\w*|гиперболическ\w*\s+тангенс\w*"
                   r"|tangens\w*\s+hiperboliczn\w*|тангенс\w*"),
          ("relu", r"ReLU(?![\w-])|rectifier|rectified\s+linear(?:\s+unit)?"),
          ("other", r"softplus|leaky|ELU|GELU|SELU|swish|Heaviside|step\s+function|sign\s+function|signum|arctan\w*"
                    r"|softsign|hard\s*tanh|hard\s*sigmoid"))
#: At most four words or formulas between the two (one from "linear" on to the output: "linear output layer", "identity
#: output"), none naming the hidden layers or ending a clause.
_SEP = r"[\s,()\u2014\u2013:-]*"
_WORD = (r"(?!(?:hidden|skryt|скрыт|ukryt))(?!(?:and|or|but|while|whereas|i|и|или|но|oraz|lub|ale|nebo)(?![\w-]))"
         r"[^\s.;:!?,()]+")
_PHRASES = tuple((kind, re.compile(rf"(?:{_OUT})(?:{_SEP}{_WORD}){{0,4}}?{_SEP}(?:{k})\b"
                                   rf"|(?<![\w-])(?:{k})(?:{_SEP}{_WORD}){{0,{4 if kind == 'softmax' else 1}}}?{_SEP}"
                                   rf"(?:{_OUT})(?!\s+(?:a|an|the)\b)", re.I))
                 for kind, k in _KINDS)
#: The output layer itself (not any "output", as of a neuron or a sigmoid: "the sigmoid's output lies in (0, 1)"), for
#: the named activations, whose words are common about other things.
_OUT_LAYER = (r"(?:output|last|final|top)\s+(?:layer|neurons?|units?|nodes?|activation|non-?linearity)s?"
              r"|(?:at|on|in)\s+the\s+output(?![\w-])(?!\s+of\b)"
              r"|výstupn\w*\s+(?:vrstv\w*|neuron\w*)|na\s+výstupu|posledn\w*\s+vrstv\w*"
              r"|выходн\w*\s+(?:сло\w*|нейрон\w*)|на\s+выходе|последн\w*\s+сло\w*"
              r"|warstw\w*\s+wyjściow\w*|wyjściow\w*\s+warstw\w*|na\s+wyjściu|ostatni\w*\s+warstw\w*")
_PHRASES += tuple((kind, re.compile(rf"(?:{_OUT_LAYER})(?:{_SEP}{_WORD}){{0,4}}?{_SEP}(?<![\w-])(?:{k})(?![\w-])"
                                    rf"|(?<![\w-])(?:{k})(?:{_SEP}{_WORD}){{0,1}}?{_SEP}(?:{_OUT_LAYER})(?!\s+(?:a|an|the)\b)",
                                    re.I))
                  for kind, k in _NAMED)
#: A formula that only names an activation ("the output layer uses $\tanh$", "$\operatorname{ReLU}$"): read as its word.
_NAME_IN_MATH = re.compile(r"\$\s*\\(?:operatorname|mathrm|text|mathit)?\s*\{?\s*\\?(tanh|sigmoid|softmax|ReLU|relu)\s*\}?\s*\$")


#: A blank line: a paragraph starts after it.
_BREAK = re.compile(r"\n[ \t]*\n")
#: Words that make a sentence about the output layer say what is usual or possible, not what the notes' network is.
_HEDGED = re.compile(r"\b(?:usually|often|typically|commonly|common|popular|sometimes|may|might|can|could|many|some|in\s+practice"
                     r"|regression|classification|obvykle|často|běžn\w*|někdy|může|mohou|обычно|часто|иногда|может|могут"
                     r"|регресси\w*|классификаци\w*|zwykle|często|czasem|może|mogą|regresj\w*|klasyfikacj\w*"
                     r"|regres\w*|klasifikac\w*)\b", re.I)


def _with_names(text: str, prose: str) -> str:
    # the name written into the blanked formula, at the same place (the positions and lines stay)
    for m in _NAME_IN_MATH.finditer(text):
        word = m.group(1)
        prose = prose[:m.start()] + " " + word + " " * (len(m.group(0)) - len(word) - 1) + prose[m.end():]
    return prose


@dataclass(frozen=True)
class Said:
    """The output layer's ``kind`` ("softmax" | "linear" | "sigmoid" | "tanh" | "relu" | "other"; "not-" one of them
    when a plain sentence denies it; "unread" for words symbp cannot read as the model) said by ``words`` at ``line``
    of the notes."""

    line: int
    kind: str
    words: str
    hedged: bool = False  # said as what is usual or possible ("is usually linear"): not surely the notes' network
    denied: bool = False  # the kind denied in its clause ("not a softmax"): said of the softmax, nothing
    seen: tuple = ()  # "unread": the kinds its words name (``outputplain``: a sentence symbp cannot read as the model)
    since: int = 0  # the first line of its paragraph: the claims the words reach (``outputact.reaches``)


def said(text: str) -> list:
    """What the prose of ``text`` says the output layer is, in order (see the module)."""
    prose = outputplain.without_code(_with_names(text, _prose_of(text)))
    out = []
    for start, end in sentences(text):
        sentence = prose[start:end]
        if HYPOTHETICAL.search(sentence):
            continue  # "if the output were a softmax", "for example with a linear output": not the notes' network
        if _HEADING.match(text, text.rfind("\n", 0, start + len(sentence) - len(sentence.lstrip())) + 1):
            continue  # "# Softmax output": the title of what follows, not a sentence about the network
        words = outputplain.clause(text, prose, start, end)
        how = outputplain.reading(words)
        found = list(_found(text, prose, start, sentence, words if how else None))
        if how == "not":  # "The output layer is not linear.": σ stays; a denial of σ's own is ``outputact``'s
            out += [Said(s.line, "not-" + s.kind, s.words) for s in found if s.kind != "softmax"]
        elif how == "plain":
            since = line_of(text, max((m.end() for m in _BREAK.finditer(text, 0, start)), default=0))
            out += [replace(s, hedged=bool(_HEDGED.search(sentence)), since=since) for s in found]
        else:  # the softmax as before, but in a question or a sentence about another time, place or network; any
            # other words on the output layer's activation are not read (rv53)
            doubt = outputplain.doubted(sentence)
            out += [s for s in found if s.kind == "softmax" and not s.denied and not doubt]
            seen = tuple(dict.fromkeys(s.kind for s in found if s.kind != "softmax" or doubt and not s.denied))
            if seen or (outputplain.mentions(sentence) and not _only_softmax(sentence)):
                at = start + len(sentence) - len(sentence.lstrip())
                out.append(Said(line_of(text, at), "unread", _shown(words), seen=seen))
    return sorted(out, key=lambda s: s.line)


def _found(text: str, prose: str, start: int, sentence: str, plain: "str | None"):
    # the kinds the phrases name in the sentence (in its plain clause only, when it has one)
    span = outputplain.plain_span(plain) if plain else None
    where = plain[span[0]:span[1]] if span else sentence
    for kind, phrase in _PHRASES:
        for m in phrase.finditer(where):
            named = re.search(dict(_KINDS + _NAMED)[kind], m.group(0), re.I)
            if plain:
                m_at = sentence.find(m.group(0).split()[0])
                yield Said(line_of(text, start + max(m_at, 0)), kind, " ".join(m.group(0).split()))
                continue
            at = start + m.start() + named.start()
            denied = _denied(prose, re.compile(f".{{{len(named.group(0))}}}", re.S).match(prose, at))
            yield Said(line_of(text, start + m.start()), kind, " ".join(m.group(0).split()), denied=denied)


def _only_softmax(sentence: str) -> bool:
    # the activation words of the sentence are the softmax's only ("the output layer uses the softmax function")
    rest = re.sub(dict(_KINDS)["softmax"] + r"|(?:no\s+)?activation\s+function|activation", " ", sentence, flags=re.I)
    return not outputplain.mentions(rest)


def _shown(words: str) -> str:
    return words if len(words) <= 120 else words[:117] + "…"


def softmax_definitions(found: list) -> list:
    """The definitions of a softmax output the words ``found`` make (``model.Definition``)."""
    return [Definition(s.line, "softmax", "words", s.words) for s in found if s.kind == "softmax"]


__all__ = ["Said", "said", "softmax_definitions"]
