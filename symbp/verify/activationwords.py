r"""The activation letter defined in words: "where $\sigma$ is the logistic sigmoid" (review 23).

Notes often define σ in a sentence and never as a formula: "$\sigma$ is the logistic sigmoid", "where $\sigma$ denotes
the sigmoid function", "kde $\sigma$ je logistická sigmoida", "$\sigma$ — сигмоида", "$\sigma$ to funkcja
sigmoidalna"; also inside the sentence that defines the model, before a clause about the cost: "… with $\sigma$ the
sigmoid and the quadratic cost $C = …$", "with the sigmoid $\sigma$", "kde $\sigma$ je sigmoida, a kvadratickou ztrátu
…" (review rv48 B3). Such a sentence binds the notes' own activation letter to a named activation, as
``\sigma(z) = \frac{1}{1+e^{-z}}`` would: a ``Definition`` of the activation from its line on. A sentence that only
names the sigmoid ("the sigmoid is popular") is not one: it may be an aside, and ``prosecost`` weighs it beside the
activation in force. A sentence that doubts, denies or supposes ("if $\sigma$ were the sigmoid", "$\sigma$ is not the
sigmoid", "$\sigma$ need not be the sigmoid") defines nothing, nor does one that keeps it to some layers or to another text ("in the output layer",
"in the original paper").

>>> [(d.line, d.value) for d in activation_said("Intro.\nHere $\\sigma$ is the logistic sigmoid.\n", r"\sigma")]
[(2, 'sigmoid')]
>>> [(d.line, d.value) for d in activation_said("kde $\\sigma$ je hyperbolický tangens.", r"\sigma")]
[(1, 'tanh')]
>>> activation_said("If $\\sigma$ were the sigmoid, then …", r"\sigma"), activation_said(
...     "The sigmoid is popular.", r"\sigma")
([], [])
>>> activation_said("Here $\\sigma$ is not the sigmoid.", r"\sigma")
[]
>>> activation_said("In the output layer $\\sigma$ is the sigmoid.", r"\sigma")
[]
>>> [d.value for d in activation_said("We use $a = \\sigma(z)$ with $\\sigma$ the sigmoid and the cost $C$.", r"\sigma")]
['sigmoid']
"""

from __future__ import annotations

import re

from .model import Definition
from .otherwords import COST_NOUN
from .sentences import HYPOTHETICAL, doubts, line_of, masked, sentences

#: Words that bind the letter: "is (the)", "denotes", "stands for", "means"; cs/ru/pl ("je", "označuje", "značí",
#: "—", "является", "обозначает", "to", "jest", "oznacza").
_BINDS = (r"\s*(?:,\s*)?(?:is|denotes|stands\s+for|means|is\s+defined\s+as|je|označuje|značí|představuje|[—–-]"
          r"|является|обозначает|означает|to|jest|oznacza)\s+(?:always\s+|here\s+|vždy\s+|zde\s+|всегда\s+|здесь\s+"
          r"|zawsze\s+|tu\s+)?(?:the\s+|a\s+|an\s+|our\s+)?(?:usual\s+|standard\s+|logistic\w*\s+|logistick\w*\s+"
          r"|логистическ\w*\s+|logistyczn\w*\s+)?(?:funkcj\w*\s+)?")
#: The named activations, as the words after the binding say them.
_NAMES = (("sigmoid", r"(?:sigmoid(?!al\b)\w*|logistic\s+function|logistick\w*\s+funkc\w*|сигмоид\w*|logistic\b)"),
          ("tanh", r"(?:\\?tanh\b|(?:hyperbolic|hyperbolick\w*|гиперболическ\w*)\s+(?:tangent|tangens\w*|тангенс\w*)"
                   r"|tangens\w*\s+hiperboliczn\w*)"),
          ("relu", r"(?:ReLU\b|rectifier\b|rectified\s+linear)"))


#: Words that keep the binding to some layers, another text or another time ("in the output layer", "only",
#: "in the original paper", "historically"; cs/ru/pl): not a definition for every layer of these notes.
_KEPT = re.compile(r"\b(?:layer|layers|output|hidden|only|just|paper|original|historic\w*|older|elsewhere|other"
                   r"|vrstv\w*|výstup\w*|skryt\w*|jen|pouze|článk\w*|слой\w*|сло[ея]\w*|выходн\w*|скрыт\w*|только"
                   r"|лишь|стать\w*|warstw\w*|wyjści\w*|ukryt\w*|tylko|jedynie|artykul\w*"
                   # another part or text, or the last layer in other words (review rv33 A1)
                   r"|chapters?|sections?|lectures?|exercises?|examples?|fig|figures?|books?|textbooks?|texts|versions?"
                   r"|top|last|final|neurons?|kapitol\w*|sekc\w*|oddíl\w*|cvičen\w*|příklad\w*|obrázk\w*|učebnic\w*"
                   r"|posledn\w*|глав\w*|раздел\w*|упражнени\w*|пример\w*|рисун\w*|учебник\w*|последн\w*|нейрон\w*"
                   r"|rozdzia\w*|sekcj\w*|ćwiczen\w*|przykład\w*|rysun\w*|podręcznik\w*|ostatni\w*|neuron\w*)\b", re.I)


#: The words before a name: an article, a kind ("the usual", "the logistic").
_KIND = (r"(?:the\s+|a\s+|an\s+|our\s+)?(?:usual\s+|standard\s+|logistic\w*\s+|logistick\w*\s+|логистическ\w*\s+"
         r"|logistyczn\w*\s+)?(?:funkcj\w*\s+)?")
#: The words a name may carry before the letter: "the sigmoid function $\sigma$", "the logistic activation $\sigma$".
_NOUN = (r"(?:[\s-]+(?:activation|function|nonlinearity|non-linearity|funkc\w*|функци\w*|активаци\w*|aktivačn\w*"
         r"|aktywacj\w*))*")


def _pattern(letter: str, name: str) -> re.Pattern:
    # the argument, if any, is one letter or a dot: "$\sigma(2z)$ is the sigmoid" makes σ(u) = s(u/2) (review rv33 A3)
    said = (r"\$\s*" + re.escape(letter) + r"\s*(?:\(\s*(?:[A-Za-z]|\\cdot|\\[A-Za-z]+|\.)\s*\))?\s*\$")
    return re.compile(said + _BINDS + name
                      # no verb inside a sentence: "with $\sigma$ the sigmoid", "with the sigmoid $\sigma$"; "se
                      # sigmoidou $\sigma$", "с сигмоидой $\sigma$", "z sigmoidą $\sigma$" (review rv48 B3)
                      + r"|\bwith\s+" + said + r"\s*,?\s+(?=(?:the|a|an|our)\s)" + _KIND + name
                      + r"|\b(?:with|using)\s+" + _KIND + name + _NOUN + r"\s*" + said
                      + r"|(?<![\w'’])(?:se?|с|со|z|ze)\s+" + _KIND + name + _NOUN + r"\s*" + said, re.I)


#: Words just before the letter that make the sentence about something else of σ: "the derivative of $\sigma$ is the
#: sigmoid" (σ = softplus), "the inverse of $\sigma$" (review rv33 A2).
_ABOUT_ANOTHER = re.compile(r"\b(?:of|unlike|like|than|derivat\w*|inverse\w*|integral\w*|antiderivat\w*|primitiv\w*"
                            r"|derivac\w*|inverz\w*|integrál\w*|než|jako|производн\w*|обратн\w*|интеграл\w*"
                            r"|первообразн\w*|чем|как|pochodn\w*|odwrotn\w*|całk\w*|niż|jak)\b", re.I)
#: What may follow the name: "function", "activation", "applied elementwise", then the sentence's end or a new clause
#: about another name ("…, and $C$ is the cost"); anything else may change what is named ("the sigmoid
#: derivative", "sigmoid-like", "the sigmoid squared", "with slope 2", "or tanh", "in Chapter 1") (review rv33 A1).
_AFTER = re.compile(r"(?:[\s-]+(?:activation|function|nonlinearity|non-linearity|funkc\w*|функци\w*|активаци\w*"
                    r"|aktivačn\w*|aktywacj\w*))*"
                    r"(?:\s*,?\s*(?:applied\s+)?(?:element-?wise|component-?wise|entry-?wise|pointwise"
                    r"|po\s+složkách|поэлементно|element\s+po\s+elemencie)\b)?"
                    r"\s*(?:$|[.!?](?:\s|$)|[,;(:]\s*(?:(?:and|a|i|и|oraz)\s+)?(?=~)|(?:and|a|i|и|oraz)\s+(?=~)"
                    # a new clause about the cost: "…, and the quadratic cost $C = …$", "a kvadratickou ztrátu" (rv48 B3)
                    r"|(?:[,;]\s*)?(?:and|a|i|и|oraz)\s+(?:[^\W\d_]+\s+){0,3}?(?:" + COST_NOUN + r"))", re.I)
#: A formula after the name begins a new clause only if it is one name ("$C$ is the cost") or an equation of the
#: letter itself ("$\sigma(z) = \frac{1}{1+e^{-z}}$", a definition read on its own); "$1/(1+e^{-2z})$" names another.
_NEXT_FORMULA = re.compile(r"\$+\s*(?:\\?[A-Za-z]+\s*(?:_\s*\{?[^${}]*\}?|\^\s*\{?[^${}]*\}?|')*\s*\$"
                           r"|<LETTER>\s*\(\s*(?:[A-Za-z]|\\cdot)\s*\)\s*=)")


def _plain_binding(sentence: str, plain: str, m: re.Match, letter: str) -> bool:
    """Does the match ``m`` bind the letter itself to the name alone (nothing before about another thing of σ, nothing
    after that changes the function named)?"""
    if _ABOUT_ANOTHER.search(" ".join(plain[:m.start()].split()[-3:])):
        return False
    after = _AFTER.match(plain, m.end())
    if after is None:
        return False
    if after.end() < len(plain) and plain[after.end()] == "~":  # a formula: a new clause, or the letter's own equation
        nxt = re.compile(_NEXT_FORMULA.pattern.replace("<LETTER>", re.escape(letter)))
        return nxt.match(sentence, after.end()) is not None
    return True


def activation_said(text: str, letter: str) -> list:
    """The definitions "activation" (value: symbp's name for it) that the prose of ``text`` makes of the activation
    letter ``letter``: one per sentence that binds the letter to a named activation, neither doubting nor supposing."""
    patterns = [(act, _pattern(letter, words)) for act, words in _NAMES]
    out = []
    for start, end in sentences(text):
        sentence = text[start:end]
        found = [(m, act) for act, p in patterns for m in [p.search(sentence)] if m]
        plain = masked(sentence)
        if len(found) != 1 or HYPOTHETICAL.search(plain) or doubts(sentence) or _KEPT.search(plain):
            continue
        m, act = found[0]
        if not _plain_binding(sentence, plain, m, letter):
            continue
        line = line_of(text, start + m.start())
        out.append(Definition(line, "activation", act, " ".join(text.splitlines()[line - 1].split())[:120]))
    return out


#: A change of the activation said in words, by the notes themselves: "we switch to $\tanh$", "from now on we use
#: tanh instead of the sigmoid", "přejdeme na tanh", "далее будем использовать tanh", "od teraz używamy tanh" (review
#: rv38 F5: not read, so the sigmoid defined before stayed in force and a claim true only of it held).
_SWITCH = re.compile(r"\b(?:we(?:['’]ll|\s+will|\s+now|\s+then)?\s+(?:switch|change|move|turn|go\s+over)\s+to|we\s+(?:now\s+)?replace"
                     r"|let(?:['’]s|\s+us)\s+(?:switch|change|replace|use)|from\s+now\s+on|instead\s+of|henceforth"
                     # "for the rest of these notes the activation is …", "the sigmoid gives way to tanh" (review rv40 A3)
                     r"|for\s+the\s+rest|in\s+the\s+rest|from\s+here\s+on|hereafter|in\s+what\s+follows|gives?\s+way\s+to"
                     r"|\bthe\s+activation(?:\s+function)?\s+(?:becomes|will\s+be|is\s+now)"
                     r"|\bis\s+now\s+retired|\bbelow\s+use|ve\s+zbytku|dále\s+(?:je|bude|jako|používáme|použijeme)|в\s+дальнейшем|далее\s+(?:функция|активация)|w\s+dalszej\s+części|dalej\s+(?:funkcja|aktywacja)"
                     r"|přejdeme|nahradíme|zaměníme|místo|odteď|nadále|перейд\w*|замен\w*|вместо|далее\s+будем|теперь\s+будем"
                     r"|przejdziemy|zastąpimy|zamienimy|zamiast|od\s+teraz|odtąd)", re.I)
_ANY_NAME = re.compile("|".join(words for _, words in _NAMES) + r"|softplus|\\max\s*\(\s*0|leaky|ELU\b|swish|GELU\b", re.I)


_DEFINES_LETTER = re.compile(r"\$[^$]*?\\sigma\s*(?:\(\s*[a-z]\s*\))?\s*(?:=|:=|\\equiv)")


def activation_switched(text: str, definitions: list) -> list:
    """The changes of the activation the prose of ``text`` says (``_SWITCH`` beside the name of an activation), after a
    definition of σ among ``definitions``: each an "own-activation" from its line on, as which activation the words
    make σ is not read (the claims that depend on σ are then not judged, never judged under the earlier one)."""
    defined = [d.line for d in definitions if d.what in ("activation", "own-activation")]
    out = []
    for start, end in sentences(text):
        plain = masked(text[start:end])
        sentence = text[start:end]
        if not (_SWITCH.search(plain) and _ANY_NAME.search(sentence)) or HYPOTHETICAL.search(plain) or doubts(sentence):
            continue
        line = line_of(text, start + _SWITCH.search(plain).start())
        if any(d <= line for d in defined) and not _DEFINES_LETTER.search(sentence):
            out.append(Definition(line, "own-activation", None, "“" + " ".join(sentence.split())[:120] + "” (in words)"))
    return out


def beside_formulas(said: list, definitions: list) -> list:
    r"""The bindings in words ``said`` beside the formula definitions of σ: a formula on the same line that defines
    the same activation makes the words redundant; one that defines another ("$\sigma$ is the logistic sigmoid,
    $\sigma(z) = \frac{1}{1+e^{-2z}}$") leaves the line's σ the notes' own, whatever it is (review rv33 A5: the words
    came after on the line and won, and a claim true only of the sigmoid held).

    >>> f = Definition(3, "own-activation", None, r"\sigma(z) = \frac{1}{1+e^{-2z}}")
    >>> [(d.what, d.value) for d in beside_formulas([Definition(3, "activation", "sigmoid", "words")], [f])]
    [('own-activation', None)]
    """
    out = []
    for d in said:
        same = [f for f in definitions if f.line == d.line and f.what in ("activation", "own-activation")]
        if not same:
            out.append(d)
        elif any(f.what != "activation" or f.value != d.value for f in same):
            out.append(Definition(d.line, "own-activation", None, d.text))
    return out


__all__ = ["activation_said", "activation_switched", "beside_formulas"]
