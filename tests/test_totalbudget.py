"""The time budget of a whole notes file, and what an undecided definition says (review rv50 D1 and E).

rv50 D1: four formulas of 30 s each made an 858-byte file take 126 s; nothing bounded the file. rv50 E: with a
budget too small to decide the notes' definition of z, the claims were blamed on the definition ("holds under none
of symbp's structures") although the definition is Nielsen's own (z^l = w^l a^{l-1} + b^l holds by hand).
"""

from __future__ import annotations

import pytest

from symbp.cli import main
from symbp.verify import verify
from symbp.verify.notes import verify_notes, verify_text

NOTES = (r"We use $z^l = w^l a^{l-1} + b^l$ and $a^l = \sigma(z^l)$, with the quadratic cost "
         r"$C = \frac{1}{2}\|a^L - y\|^2$." "\n\n" r"$$\frac{\partial C}{\partial b^l_j} = \delta^l_j$$" "\n")


def test_a_spent_total_budget_leaves_every_formula_undecided_and_says_so():
    # BP3 holds by hand (∂C/∂b^l_j = δ^l_j), but nothing can be decided in 1 ms: each formula must be reported
    # undecided with the total budget as its reason, and none skipped (4 formulas: 3 definitions and BP3).
    report = verify_text(NOTES, total_budget=0.001)
    rows = {r.formula.text: r.result for r in report.rows}
    assert len(rows) + len(report.skipped) == 4
    claim = rows[r"\frac{\partial C}{\partial b^l_j} = \delta^l_j"]
    assert claim.status == "undecided"
    assert "total budget of 0.001 s ran out" in claim.reason
    assert all("holds under none" not in r.result.reason for r in report.rows)


def test_an_undecided_definition_is_not_blamed_for_the_claims(tmp_path):
    # rv50 E: budget=0.001 per formula; the definition z^l = w^l a^{l-1} + b^l is Nielsen's own, so the message
    # may say only that it was not decided.
    path = tmp_path / "bp3.txt"
    path.write_text(NOTES, encoding="utf-8")
    report = verify_notes(path, budget=0.001)
    claim = next(r.result for r in report.rows if r.formula.line == 3)
    assert claim.status == "undecided"
    assert "was not decided" in claim.reason and "time budget ran out" in claim.reason
    assert "holds under none" not in claim.reason
    assert all("holds under none" not in f.reason for f in report.skipped)


def test_without_a_total_the_notes_are_judged_as_before():
    report = verify_text(NOTES, total_budget=60.0)
    claim = next(r.result for r in report.rows if r.formula.line == 3)
    assert claim.status == "holds"  # BP3, true by hand


@pytest.mark.parametrize("value", ["0", "-1", "nan"])
def test_a_bad_total_budget_is_bad_input(tmp_path, capsys, value):
    path = tmp_path / "bp3.txt"
    path.write_text(NOTES, encoding="utf-8")
    assert main(["verify", "--notes", str(path), "--total-budget", value]) == 2
    assert "--total-budget must be a positive number" in " ".join(capsys.readouterr().err.split())


BP3 = r"\frac{\partial C}{\partial b^l_j} = \delta^l_j"


@pytest.mark.parametrize("kw,named", [
    (dict(outputs=0), "outputs must be"), (dict(outputs=True), "outputs must be"),
    (dict(count="x"), "count must be"), (dict(count="m", differ="zz"), "differ must be"),
    (dict(differ="n"), "differ must be"), (dict(count="m", differ="m"), "differ must be"),
    (dict(sets=("q",)), "sets must be"), (dict(sets=(("B", "k"),)), "sets must be"),
])
def test_verify_refuses_a_bad_notes_argument_by_name(kw, named):
    # rv50 E: these were accepted silently and matched against nothing.
    from symbp.errors import SpecError

    with pytest.raises(SpecError, match=named):
        verify(BP3, **kw)


def test_verify_accepts_the_notes_arguments_it_documents():
    v = verify(BP3, outputs=1, count="m", differ="n", sets=(("B", "m"),))
    assert v.status == "holds"  # BP3 holds by hand on every network, one output among them
