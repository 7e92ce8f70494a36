r"""Words touching a formula that judge or negate it in a way symbp does not read leave it unjudged (``doubtwords``,
issue 12): flipped speakers, a speaker called wrong in the next sentence, negated verbs of having, verdict words of
unclear scope, hedges, and a "Wrong:" about the formula before it.

Verdicts decided by hand: under C = ½‖a^L − y‖² with a^L = σ(z^L), BP1 δ^L = (a^L − y) ⊙ σ'(z^L) is TRUE (central
differences in ``negation_cases``) and δ^L = a^L − y is FALSE (σ' ≤ ¼). Before, each of these was judged as the
notes' own claim (the slip refuted, BP1 held; or, for "Studenti se mylně domnívají, že … neplatí", turned round: the
slip held and BP1 was refuted), whatever the words make of it. Now neither gets a verdict, and the words are quoted.
Plain sentences stay judged.
"""

import pytest

from symbp.verify.notes import verify_text

from negation_cases import HEAD, TRUE

SLIP = r"\delta^L = a^L - y"


def _row(text: str):
    rows = [r for r in verify_text(HEAD + text + "\n").rows
            if r.formula.line > 3 and r.formula.text.startswith("\\delta")]
    assert len(rows) == 1, [r.formula.text for r in rows]
    return rows[0].result


@pytest.mark.parametrize("sentence, quoted", [
    ("Studenti se mylně domnívají, že $${f}$$ neplatí.", "mylně domnívají, že … neplatí"),
    ("Students rightly think $${f}$$ is false.", "rightly think … is false"),
    ("Students wrongly think that $${f}$$ is false.", "wrongly think that … is false"),
    ("Studenti mylně píší, že ${f}$ neplatí.", "mylně píší, že … neplatí"),
    ("Some claim $${f}$$. Mýlí se.", "Mýlí se"),
    ("Некоторые считают, что $${f}$$. Они ошибаются.", "Они ошибаются"),
    ("Niektórzy twierdzą, że $${f}$$. Mylą się.", "Mylą się"),
    ("We do not have $${f}$$", "We do not have"),
    ("Nemáme $${f}$$", "Nemáme"),
    ("Nie mamy ${f}$.", "Nie mamy"),
    ("У нас нет $${f}$$", "У нас нет"),
    ("$${f}$$ is nonsense.", "is nonsense"),
    ("$${f}$$ is hardly true.", "is hardly true"),
    ("$${f}$$ nefunguje.", "nefunguje"),
    ("$${f}$$ — ерунда.", "ерунда"),
    ("$${f}$$ to bzdura.", "to bzdura"),
    ("Naively, $${f}$$", "Naively,"),
    ("Seemingly, ${f}$.", "Seemingly,"),
    ("$${f}$$ with $\\sigma'$ applied entrywise. Wrong: it mixes the layers.", "Wrong: it mixes the layers"),
    ("$${f}$$\nwith $\\sigma'$ applied entrywise.\n\nWrong: it mixes the layers.", "Wrong: it mixes the layers"),
])
def test_doubtwords_unclear_words_leave_the_formula_unjudged(sentence, quoted):
    for formula in (SLIP, TRUE):
        result = _row(sentence.replace("{f}", formula))
        assert result.status == "uninterpretable", (sentence, formula, result)
        assert f"\u201c{quoted}\u201d" in result.reason, result.reason


@pytest.mark.parametrize("sentence", [
    "We have $${f}$$", "Máme $${f}$$", "Mamy $${f}$$", "Students often write $${f}$$, which is correct.",
    "Note that $${f}$$", "It is not hard to see that $${f}$$", "It is not clear at first, but $${f}$$",
    "We do not have to compute anything else: $${f}$$", "Some claim $${f}$$. Indeed this is BP1.",
])
def test_doubtwords_plain_sentences_stay_judged(sentence):
    assert _row(sentence.replace("{f}", TRUE)).status == "holds"
    assert _row(sentence.replace("{f}", SLIP)).status == "refuted"


def test_doubtwords_a_definition_touched_by_a_hedge_is_not_taken():
    # "Naively, $δ^L := a^L − y$": not part of the model, so BP1 after it is judged under the notes' own cost (before,
    # the hedged definition was the notes' δ, and BP1 was left uninterpretable against it)
    report = verify_text(HEAD + "Naively, $\\delta^L := a^L - y$.\n\nThe output error is $$" + TRUE + "$$\n")
    rows = {r.formula.text: r.result.status for r in report.rows if r.formula.line > 3}
    assert rows.get(TRUE) == "holds", rows
    assert not any(":=" in t for t in rows), rows
    skipped = [f for f in report.skipped if ":=" in f.text]
    assert skipped and skipped[0].kind == "prose" and "\u201cNaively,\u201d" in skipped[0].reason, skipped
