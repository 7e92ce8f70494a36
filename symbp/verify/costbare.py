r"""A cost the notes give as a bare expression in a sentence: "The cost is $\|a^L - y\|^2$.", "We minimise
$\sum_j (a^L_j - y_j)^2$.", "Ztrátová funkce je $…$", "Функция потерь равна $…$", "Funkcja kosztu to $…$".

The expression is the cost as surely as ``C = \|a^L - y\|^2`` would be, but no equation is written, so it was
prose and the default cost ½‖a − y‖² stood in for it: BP1 with (a^L − y) held under a cost without the ½
(review rv50 A1). Read here as the definition ``C = …`` (in the notes' cost letter), so the model takes the cost
the notes give, or, when it is none symbp knows, leaves the claims about C and δ unjudged.

Only a sentence whose words say it: the cost noun and its verb right before the math ("is", "equals", "we
minimise"; cs "je", ru "равна", pl "to", "jest", "wynosi"), with at most a name of the same thing between
("the squared Euclidean distance"), no negation or supposition before it in its sentence ("is not", "If the
cost were …": those are other readers'), and math that is a cost of the output and the target (it holds the
target letter and a square, and no relation). After the math the sentence must end, or go on only with words
that say the same ("between output and target", "over the weights"); other words after it ("… summed over the
training set", "… plus a penalty") may change the cost, so the definition is made unreadable with them
quoted, which leaves the claims about C and δ unjudged rather than checked under a cost the notes do not have.

>>> bare_cost_text("We use $a = \\sigma(z)$. The cost is $\\|a^L - y\\|^2$.\n", 1, "\\|a^L - y\\|^2", "C", "y")
('C = \\|a^L - y\\|^2', '')
>>> bare_cost_text("The cost is not $\\|a^L - y\\|^2$.", 1, "\\|a^L - y\\|^2", "C", "y") is None
True
>>> bare_cost_text("The cost is $\\|a^L - y\\|^2$ summed over all inputs.", 1, "\\|a^L - y\\|^2", "C", "y")[1]
'summed over all inputs'
"""

from __future__ import annotations

import re
from dataclasses import replace

#: The cost noun and its verb, right before the math (up to a few words naming the same thing between).
_SAID = re.compile(
    r"(?:\b(?:the\s+)?(?:cost|loss|objective)(?:\s+function)?(?:\s+(?:that\s+)?we\s+(?:use|minimi[sz]e))?"
    r"\s+(?:is|equals|reads)|\bwe\s+minimi[sz]e(?:\s+the\s+(?:cost|loss)(?:\s+function)?)?"
    r"|\bwe\s+use\s+the\s+(?:cost|loss)(?:\s+function)?"
    r"|\b(?:ztrátová|cenová|účelová)\s+funkce\s+(?:je|zní)|\b(?:cena|ztráta)\s+je"
    r"|(?<![\w-])(?:функция\s+(?:потерь|стоимости)|стоимость|потери)\s+(?:равн\w+|есть|это|—)"
    r"|\b(?:funkcja\s+(?:kosztu|straty)|koszt|strata)\s+(?:to|jest|wynosi|ma\s+postać))"
    r"(?P<named>(?:\s+(?:the\s+)?(?:squared\s+(?:euclidean\s+)?(?:distance|norm|error)|sum\s+of\s+(?:the\s+)?squares"
    r"(?:\s+of\s+the\s+errors)?))?)\s*:?\s*$", re.I)
#: Words before the cost's verb in its sentence that deny it or suppose it: another reader's, never a definition.
_NOT_STATED = re.compile(r"\b(?:not|never|no|if|were|would|suppose|assume|instead|unlike|rather|ne|nikdy|kdyby|"
                         r"pokud|jestliže|не|никогда|если|бы|nie|nigdy|gdyby|jeśli|jeżeli)\b|n[’']t\b", re.I)
#: Words that make the cost's noun another thing's complement: "the gradient of the cost is", "its derivative"
_OF_ANOTHER = re.compile(r"(?:\bof|\bits|\bgradient|\bderivative|\bderivace|\bgradientu?|производн\w*|градиент\w*"
                         r"|\bpochodn\w*)\s*(?:the\s+)?$", re.I)
#: What may follow the math in its sentence: the end, or words that say the same thing again.
_SAME_AFTER = re.compile(
    r"\s*(?:(?:between\s+(?:the\s+)?(?:network'?s?\s+)?outputs?\s+and\s+(?:the\s+)?targets?"
    r"|over\s+the\s+(?:weights|parameters)(?:\s+and\s+(?:the\s+)?biases)?)\s*)?(?:[.;!]|$|\n\s*\n)", re.I)
#: Where the sentence that holds the math started: the end of the last one, or a blank line.
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n\s*\n")
_RELATION = re.compile(r"=|<|>|\\(?:le|ge|leq|geq|approx|sim|to|mapsto|in)(?![A-Za-z])")


def bare_cost_text(text: str, line: int, math: str, cost: str, target: str) -> "tuple[str, str] | None":
    """(``C = math``, the unread words after it or '') when the sentence that holds the inline ``math`` at ``line``
    gives it as the cost (see the module), else None."""
    if not _a_cost(math, target):
        return None
    starts = [0]
    for raw in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(raw))
    if not 1 <= line < len(starts):
        return None
    where = re.compile(r"\$\s*" + re.escape(math.strip()) + r"\s*\$")
    for m in where.finditer(text, starts[line - 1], starts[line] if line < len(starts) else len(text)):
        before = text[:m.start()]
        ends = list(_SENTENCE_END.finditer(before))
        sentence = before[ends[-1].end() if ends else 0:]
        said = _SAID.search(sentence)
        if (said is None or _NOT_STATED.search(sentence[:said.start()] + " " + said.group(0)) or "$" in said.group(0)
                or _OF_ANOTHER.search(sentence[:said.start()])):
            continue
        after = text[m.end():]
        same = _SAME_AFTER.match(after)
        rest = "" if same else re.split(r"[.;!?]|\n\s*\n", after, maxsplit=1)[0].strip()
        return f"{cost} = {math.strip()}", " ".join(rest.split())
    return None


def _a_cost(math: str, target: str) -> bool:
    """Math that may be a cost of the output and the target: the target letter, a square, no relation."""
    squared = re.search(r"\^\s*(?:2|\{\s*2\s*\})", math)
    has_target = re.search(rf"(?<![A-Za-z\\]){re.escape(target)}(?![A-Za-z])", math)
    return bool(squared and has_target and not _RELATION.search(math))


def bare_costs(text: str, items: list, cost: str, target: str) -> list:
    """``items`` with each bare cost (prose math the words give as the cost) made the definition ``C = …``, or,
    with unread words after it, an unreadable one that names them (``notesrows._unread_cost`` then leaves the
    claims about C and δ unjudged)."""
    out = []
    for f in items:
        got = (bare_cost_text(text, f.line, f.text, cost, target)
               if f.kind == "prose" and not f.display and not (f.negated or f.under) else None)
        if got is None:
            out.append(f)
            continue
        new, rest = got
        if rest:
            out.append(replace(f, text=new, kind="unreadable", source=f.source or f.text, reason=(
                f"the notes give their cost as {f.text.strip()} and go on “{rest[:80]}”, words symbp does not read: "
                "the cost they define is not known")))
        else:
            out.append(replace(f, text=new, kind="definition", source=f.source or f.text,
                               reason=f"a definition: the words before it give {f.text.strip()} as the cost {cost}"))
    return out
