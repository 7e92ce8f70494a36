"""verify: formulas from the seeds, in their own notation, against the ground truth.

The corpus (tests/data/verify_corpus.toml) holds correct formulas copied from
the seeds and mutated copies with one usual slip each. The oracle is the
ground truth by direct differentiation (symbp.derive), which verify uses; the
hand-worked checks below compare with sympy.diff of the composed cost.
"""

from __future__ import annotations

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]
from pathlib import Path

import pytest
import sympy

from symbp.verify import bias_through_z, verify

CORPUS = tomllib.loads((Path(__file__).parent / "data" / "verify_corpus.toml").read_text(encoding="utf-8"))


def _options(entry: dict) -> dict:
    return dict(cost=entry.get("cost", "quadratic"), one_hot=entry.get("one_hot", False),
                activation=entry.get("activation", "generic"))


@pytest.mark.parametrize("entry", CORPUS["correct"], ids=lambda e: e["source"])
def test_correct_seed_formula_is_proved_in_its_notation(entry):
    v = verify(entry["formula"], entry["notation"], **_options(entry), diagnose=False)
    assert v.status == "holds", v.reason
    # Proved on the family; an identity of the catalogue also for every size (issue 13, item 6).
    assert v.verdict in ("proved", "proved-for-all-sizes") and v.instances > 0
    assert v.identity == entry["identity"]


MUTANTS = [(e, m, d) for e in CORPUS["correct"] for m, d in e["mutants"]]


@pytest.mark.parametrize("entry,mutant,diagnosis", MUTANTS, ids=[m for _, m, _ in MUTANTS])
def test_mutated_seed_formula_is_refuted_with_the_right_diagnosis(entry, mutant, diagnosis):
    v = verify(mutant, entry["notation"], **_options(entry))
    assert v.status == "refuted", v.reason
    assert diagnosis in v.diagnosis, (v.diagnosis, v.corrected)
    # The corrected formula is itself proved (in the user's notation).
    assert verify(v.corrected, entry["notation"], **_options(entry), diagnose=False).status == "holds"


@pytest.mark.parametrize("entry", CORPUS["wrong"], ids=lambda e: e["source"])
def test_wrong_seed_formula_is_refuted_with_the_right_diagnosis(entry):
    v = verify(entry["formula"], entry["notation"], **_options(entry))
    if v.corrected:
        options = _options(entry)
        if "Σ_k y_k = 1" in v.diagnosis:
            options["one_hot"] = True  # the repair is the assumption, not the formula
        assert verify(v.corrected, entry["notation"], **options, diagnose=False).status == "holds"
    assert v.status == "refuted", v.reason
    assert entry["diagnosis"] in v.diagnosis, v.diagnosis


def test_value_refutation_carries_an_exact_counterexample():
    # Seed 001, line 20: the factor 2 does not match the ½ of the quadratic cost.
    v = verify(r"\frac{\partial C}{\partial a^L} = 2(a^L - y)", "nielsen")
    assert v.status == "refuted"
    cx = v.counterexample
    assert cx is not None and cx.lhs != cx.rhs and cx.point


def test_bp4_value_matches_sympy_diff_of_the_composed_cost():
    # Independent oracle: sympy.diff of C(x, y, w, b) on [2, 3, 2] at one weight.
    from symbp.verify.interpret import Context, evaluate
    from symbp.verify.reader import read
    from symbp.network import network
    from symbp.notation import profile

    net = network([2, 3, 2], activation="sigmoid")
    ctx = Context(net, profile("nielsen"))
    ctx.bind = {"l": 3, "j": 2, "k": 1}
    lhs = read(r"\frac{\partial C}{\partial w^l_{jk}}").sides[0] if False else read(
        r"\frac{\partial C}{\partial w^l_{jk}} = 0").sides[0]
    mine = ctx.gt.to_sympy(evaluate(lhs, ctx))
    truth = sympy.diff(net.composed_cost(), net.weight(3, 2, 1))
    point = {s: sympy.Rational(i + 1, 7) for i, s in enumerate(sorted(truth.free_symbols, key=str))}
    zs, acts = net.forward(1)
    subs = {net.z(l, j): zs[l][j - 1] for l in zs for j in range(1, net.n(l) + 1)}
    mine_val = mine.xreplace(subs).xreplace(point).evalf(30)
    assert abs(mine_val - truth.xreplace(point).evalf(30)) < 1e-25


def test_shape_nonsense_is_refuted_with_a_reason_not_a_crash():
    v = verify(r"\delta^l = w^{l+1} \delta^{l+1} \odot \sigma'(z^l)")
    assert v.status == "refuted" and "does not multiply" in v.reason


def test_layer_that_no_network_has_is_uninterpretable():
    # No network of any depth has layer L+1: the claim has no instance, which refutes nothing
    # (issue 12 review, FINDINGS.md F12: an empty check is not a refutation).
    v = verify(r"\delta^{L+1} = \nabla_a C", diagnose=False)
    assert v.status == "uninterpretable" and "layer" in v.reason and v.exit_code == 2


def test_unknown_macro_is_unreadable_exit_2():
    v = verify(r"\delta^L = \foo C")
    assert v.status == "unreadable" and v.exit_code == 2 and r"\foo" in v.reason


def test_exit_codes_follow_the_verdicts():
    assert verify(r"\frac{\partial C}{\partial b^l_j} = \delta^l_j").exit_code == 0
    assert verify(r"\frac{\partial C}{\partial b^l_j} = -\delta^l_j", diagnose=False).exit_code == 1


def test_sokolinsky_bp4_in_nielsen_notation_is_refuted():
    # The same text means another formula in another notation: w_{ji} swaps the roles.
    assert verify(r"\frac{\partial C}{\partial w_{ji}^{l}} = \delta_i^{l} a_j^{l-1}", "nielsen").status == "refuted"
    assert verify(r"\frac{\partial C}{\partial w_{ji}^{(l)}} = \delta_i^{(l)} a_j^{(l-1)}", "sokolinsky").status == "holds"


def test_named_activation_specialises_the_check():
    v = verify(r"\delta^L = (a^L - y) \odot a^L \odot (1 - a^L)", activation="sigmoid", diagnose=False)
    assert v.status == "holds"
    assert verify(r"\delta^L = (a^L - y) \odot a^L \odot (1 - a^L)", diagnose=False).status == "refuted"


def test_notes_report_has_a_row_per_formula_and_survives_broken_lines(tmp_path):
    from symbp.verify.notes import to_markdown, verify_notes

    notes = tmp_path / "lecture.md"
    notes.write_text(
        "Intro $x$ prose.\n\n$$\\delta^L = \\nabla_a C \\odot \\sigma'(z^L)$$\n\n"
        "Broken: $$\\delta^l = \\left(\\left(w^{l+1}$$\n\n$\\frac{\\partial C}{\\partial b^l_j} = 2\\delta^l_j$\n",
        encoding="utf-8",
    )
    report = verify_notes(notes)
    statuses = [(r.formula.line, r.result.status) for r in report.rows]
    assert statuses == [(3, "holds"), (5, "unreadable"), (7, "refuted")]
    md = to_markdown(report)
    checked = md.split("Not checked")[0]  # the definitions and prose ($x$) are listed after the checked rows
    rows = [line for line in checked.splitlines() if line.startswith("| ") and not line.startswith("| line")]
    assert [r.split(" | ")[0] for r in rows] == ["| 3", "| 5", "| 7"]
    assert "| 1 | `x` |" in md.split("Not checked")[1]
    assert report.exit_code == 1


def test_sigmoid_derivative_rule_holds_for_sigmoid_only():
    # Seed 001, line 14: σ'(z) = σ(z)(1 − σ(z)); σ' is the derivative of the definition.
    f = r"\sigma'(z) = \sigma(z) \cdot (1 - \sigma(z))"
    assert verify(f, activation="sigmoid").identity == "sigmoid-prime"
    assert verify(f, activation="sigmoid").status == "holds"
    tanh = verify(f, activation="tanh")
    assert tanh.status == "refuted" and tanh.counterexample.point == {"z": "1/3"}
    generic = verify(f)  # not every differentiable σ: exact counterexample with the core's stand-in
    assert generic.status == "refuted" and generic.counterexample.lhs != generic.counterexample.rhs


def test_sigmoid_definition_with_exponential_holds():
    assert verify(r"\sigma(z) = \frac{1}{1+e^{-z}}", activation="sigmoid").status == "holds"
    assert verify(r"\sigma(z) = \frac{1}{1+e^{z}}", activation="sigmoid").status == "refuted"


def test_chain_reports_every_failing_side_and_diagnoses_each():
    # Seed 000, lines 353-362: the product formula derived as a chain; side 3 has (w^{L-1})^T.
    chain = (r"\delta^l = \Sigma'(z^l) (w^{l+1})^T \delta^{l+1} = -\Sigma'(z^l) (w^{l+1})^T \delta^{l+1}"
             r" = \Sigma'(z^l) (w^{l+1})^T \cdots \Sigma'(z^{L-1}) (w^{L-1})^T \Sigma'(z^L) \nabla_a C")
    v = verify(chain)
    assert v.status == "refuted"
    assert "side 3" in v.reason and "side 4" in v.reason and "side 2" not in v.reason
    assert "side 3: a wrong sign" in v.diagnosis and "side 4: a wrong layer index" in v.diagnosis
    assert verify(v.corrected, diagnose=False).status == "holds"


def test_user_profile_from_toml_reads_ng_notation():
    from symbp.notation import load

    ng = load(Path(__file__).parent / "data" / "ng.toml")
    assert verify(r"dZ^{[l]} = \left(W^{[l+1]}\right)^T dZ^{[l+1]} \odot g'(Z^{[l]})", ng).identity == "BP2"
    assert verify(r"\frac{\partial J}{\partial W^{[l]}} = dZ^{[l]} \left(A^{[l-1]}\right)^T", ng).status == "holds"
    wrong = verify(r"\frac{\partial J}{\partial W^{[l]}} = dZ^{[l]} A^{[l-1]}", ng)
    assert wrong.status == "refuted" and "missing transpose" in wrong.diagnosis


def test_mini_batch_cost_is_not_read_rather_than_misread():
    v = verify(r"\frac{\partial C}{\partial b^l_j} = \delta^l_j", cost="mean-quadratic")
    assert v.status == "uninterpretable"


# -- the CLI (symbp verify) ------------------------------------------------------------------


def _cli(argv, capsys):
    from symbp.cli import main

    code = main(["verify", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_exit_codes_and_json_fields(capsys):
    import json

    code, out, _ = _cli(["--json", r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)"], capsys)
    assert code == 0
    obj = json.loads(out)[0]
    assert obj["verdict"] in ("proved", "proved-for-all-sizes") and obj["formula"].startswith(r"\delta^l")
    assert obj["interpretation"]["words"] and obj["interpretation"]["latex"]
    code, out, _ = _cli(["--json", r"\delta^l = (w^{l+1} \delta^{l+1}) \odot \sigma'(z^l)"], capsys)
    obj = json.loads(out)[0]
    assert code == 1 and obj["verdict"] == "refuted" and "transpose" in obj["diagnosis"]
    code, out, _ = _cli(["--json", r"\frac{\partial C}{\partial b^l_j} = 2\delta^l_j"], capsys)
    obj = json.loads(out)[0]
    assert code == 1 and obj["counterexample"]["point"]
    # the counterexample's numbers are the oracle's, and the JSON says so (review rv42a: the field was empty)
    assert "independent oracle" in obj["counterexample"]["oracle"]


def test_cli_bad_formula_exits_2_without_traceback(capsys):
    code, out, err = _cli([r"\delta^L = \nabla_a C }"], capsys)
    assert code == 2 and "stray '}'" in err and "Traceback" not in out + err and out == ""


def test_cli_bad_option_is_one_paragraph_exit_2(capsys):
    code, out, err = _cli(["--cost", "hinge", r"\delta^L = \nabla_a C"], capsys)
    assert code == 2 and "unknown cost 'hinge'" in err and "Traceback" not in err


def test_cli_notes_report_is_written_and_run_goes_on(tmp_path, capsys):
    notes = tmp_path / "notes.tex"
    notes.write_text(
        "\\begin{equation}\\frac{\\partial C}{\\partial w^l_{jk}} = a^{l-1}_k \\delta^l_j\\end{equation}\n"
        "broken: $\\delta^l = \\left(\\left(w^{l+1}$ and\n"
        "$$\\frac{\\partial C}{\\partial a^L} = 2(a^L - y)$$\n",
        encoding="utf-8",
    )
    report = tmp_path / "report.md"
    code, out, _ = _cli(["--notes", str(notes), "--report", str(report)], capsys)
    text = report.read_text(encoding="utf-8")
    assert code == 1
    assert "| 1 |" in text and "| 2 |" in text and "| 3 |" in text
    assert "unreadable" in text and "factor 2" in text and "holds (BP4)" in text


def test_cli_notation_from_toml_file(capsys):
    path = str(Path(__file__).parent / "data" / "ng.toml")
    code, out, _ = _cli(["--notation", path, r"\frac{\partial J}{\partial b^{[l]}} = dZ^{[l]}"], capsys)
    assert code == 0 and "BP3" in out


def test_verification_gives_a_core_certificate_naming_the_family():
    from symbp.certificate import Certificate

    cert = verify(r"\frac{\partial C}{\partial b^l_j} = \delta^l_j").certificate()
    # Every depth from 2 to 6 (issue 12: every role of l appears), each network listed with its verdict.
    assert cert.verdict == "proved-for-all-sizes" and {len(s) for s in cert.network["family"]} == {2, 3, 4, 5, 6}
    assert [c["sizes"] for c in cert.details["checked"]] == cert.network["family"]
    assert Certificate.from_json(cert.to_json()) == cert


def test_notes_extraction_repairs_lost_backslashes_and_continues_split_derivations():
    from symbp.verify.extract import extract

    # Seed 000 lost "\f", "\n", "\r" of \frac, \nabla, \right in extraction.
    damaged = "$$\\delta_j^l \\equivrac{\\partial C}{\\partial z_j^l} = \\delta_j^l$$\n"
    (f,) = extract(damaged)
    # the definition δ ≡ ∂C/∂z is filed apart; the claim after it is checked; the repair shows in the source
    assert f.repaired and "\\equiv\\frac{" in f.source and f.text.startswith("\\frac{")
    # Seed 002, lines 108-112: one derivation over three displays.
    split = ("$$\\delta_i^{(L)} = \\frac{\\partial C}{\\partial z_i^{(L)}}$$\n\n"
             "$$= \\frac{\\partial C}{\\partial a_i^{(L)}} \\cdot \\sigma' \\left(z_i^{(L)} \\right)$$\n")
    first, second = extract(split)
    assert second.line == 3 and second.text.startswith("\\delta_i^{(L)} =")
    assert verify(second.text, "sokolinsky").status == "holds"


def test_dyda_augmented_input_and_bias_column():
    # Seed 003, lines 23 and 67: net = W x with x_0 = 1, and ∂L/∂W = δ x^T (bias column included).
    assert verify(r"\text{net}^{[l+1]} = W^{[l+1]} x^{[l]}", "dyda").status == "holds"
    assert verify(r"\frac{\partial \mathbf{L}}{\partial W^{[l]}} = \delta^{[l]} \cdot (x^{[l-1]})^T", "dyda").status == "holds"
    wrong = verify(r"\frac{\partial \mathbf{L}}{\partial W^{[l]}} = \delta^{[l]} \cdot (a^{[l-1]})^T", "dyda")
    # Without the x_0 = 1 row the shapes differ: n_l × (n_{l-1} + 1) against n_l × n_{l-1}.
    assert wrong.status == "refuted" and "2×4 matrix" in wrong.reason and "2×3 matrix" in wrong.reason


def test_dyda_bias_column_bp4_with_a_0_is_uninterpretable_not_refuted():
    # Review 24 R3. Seed 003, line 17: x_0 = 1 and x_j = a_j for j >= 1, so a_0 is not defined; δ_j a_0 is BP4 of the
    # bias column with the letter a where x is meant (∂L/∂w_{j,0} = δ_j x_0 = δ_j, by hand), a slip of letters and
    # not a false claim. Refuting it ("index 0 out of 1..3") called a true statement false.
    for formula in (r"\frac{\partial \mathbf{L}}{\partial w_{j,0}^{[l]}} = \delta_j^{[l]} a_0^{[l-1]}",
                    r"\frac{\partial \mathbf{L}}{\partial w_{j,k}^{[l]}} = \delta_j^{[l]} a_k^{[l-1]} \quad k = 0"):
        v = verify(formula, "dyda")
        assert v.status == "uninterpretable" and "x_0 = 1" in v.reason, (formula, v.status, v.reason)
    for right, wrong in ((r"\frac{\partial \mathbf{L}}{\partial w_{j,0}^{[l]}} = \delta_j^{[l]} x_0^{[l-1]}",
                          r"\frac{\partial \mathbf{L}}{\partial w_{j,0}^{[l]}} = 2\delta_j^{[l]} x_0^{[l-1]}"),
                         (r"\frac{\partial \mathbf{L}}{\partial w_{j,k}^{[l]}} = \delta_j^{[l]} x_k^{[l-1]} \quad k = 0",
                          r"\frac{\partial \mathbf{L}}{\partial w_{j,k}^{[l]}} = \delta_j^{[l]} x_k^{[l-1]} x_k^{[l-1]} "
                          r"\quad k = 1")):
        assert verify(right, "dyda").status == "holds"
        assert verify(wrong, "dyda").status == "refuted"


def test_dyda_bracket_vector_with_wrong_size_layer():
    # Seed 003, line 129: [a_k - y_k]_{k=1,…,n^{[l]}} where the output layer L is meant.
    v = verify(r"\delta^{[L]} = \left[ a_k^{[L]} - y_k \right]_{k=1, \dots, n^{[l]}}", "dyda",
               cost="softmax-cross-entropy", one_hot=True)
    assert v.status == "refuted" and "output layer" in v.diagnosis
    assert verify(v.corrected, "dyda", cost="softmax-cross-entropy", one_hot=True).status == "holds"


@pytest.mark.parametrize("formula,status", [
    # Seed 000, line 349, and equivalent ways of writing the same chain.
    (r"\delta^l = \Sigma'(z^l) (w^{l+1})^T \cdots \Sigma'(z^{L-1}) (w^L)^T \Sigma'(z^L) \nabla_a C", "holds"),
    (r"\delta^l = \Sigma'(z^l) (w^{l+1})^T \cdots (w^L)^T \Sigma'(z^L) \nabla_a C", "holds"),
    (r"\delta^l = \Sigma'(z^l) (w^{l+1})^T \cdots \Sigma'(z^L) \nabla_a C", "holds"),
    (r"\delta^l = \Sigma'(z^l) (w^{l+1})^T \Sigma'(z^{l+1}) (w^{l+2})^T \cdots \Sigma'(z^L) \nabla_a C", "holds"),
    # Wrong: the transposes dropped, or the chain started one layer late.
    (r"\delta^l = \Sigma'(z^l) w^{l+1} \cdots \Sigma'(z^{L-1}) w^L \Sigma'(z^L) \nabla_a C", "refuted"),
    (r"\delta^l = \Sigma'(z^{l+1}) (w^{l+2})^T \cdots \Sigma'(z^{L-1}) (w^L)^T \Sigma'(z^L) \nabla_a C", "refuted"),
])
def test_product_chain_with_cdots_is_read_from_its_pattern(formula, status):
    assert verify(formula, diagnose=False).status == status


def test_written_out_vectors_with_vdots():
    # Seed 000, line 94 (with n_L for the last neuron) holds; its a_L^L names the layer count.
    good = (r"\delta^L = \begin{pmatrix} \frac{\partial C}{\partial a_1^L} \\ \vdots \\ \frac{\partial C}{\partial a_{n_L}^L}"
            r" \end{pmatrix} \odot \begin{pmatrix} \sigma'(z_1^L) \\ \vdots \\ \sigma'(z_n^L) \end{pmatrix}")
    assert verify(good).status == "holds"
    typo = good.replace("a_{n_L}^L", "a_L^L")
    v = verify(typo)
    assert v.status == "refuted" and "number of layers" in v.reason


def test_numeric_hadamard_example_of_seed_000():
    # Seed 000, line 16: (1, 2, 3) ⊙ (2, 4, 3) = (2, 8, 9).
    ok = (r"\begin{pmatrix} 1 \\ 2 \\ 3 \end{pmatrix} \odot \begin{pmatrix} 2 \\ 4 \\ 3 \end{pmatrix} = "
          r"\begin{pmatrix} 1 \cdot 2 \\ 2 \cdot 4 \\ 3 \cdot 3 \end{pmatrix} = \begin{pmatrix} 2 \\ 8 \\ 9 \end{pmatrix}")
    assert verify(ok).status == "holds"
    bad = verify(ok.replace(r"8 \\ 9 \end", r"8 \\ 6 \end"))
    assert bad.status == "refuted" and bad.counterexample.lhs == "9" and bad.counterexample.rhs == "6"


def test_row_vector_profile_is_read_with_rows():
    # issue 14: the rowvector profile (g = x W + b) is read; its vectors are rows (tests/test_ownterms.py has more)
    assert verify(r"\frac{\partial L}{\partial b^l_j} = \delta^l_j", "rowvector").status == "holds"
    assert verify(r"\frac{\partial L}{\partial W^l} = (a^{l-1})^T \delta^l", "rowvector").status == "holds"
    assert verify(r"\frac{\partial L}{\partial W^l} = \delta^l (a^{l-1})^T", "rowvector").status == "refuted"


def test_every_single_slip_mutant_of_a_seed_formula_is_caught_or_truly_equivalent():
    # Soundness check of "proved on the family": each usual slip applied to each correct seed
    # formula is either refuted, or (an equivalent rewrite) also proved on a second family of
    # other shapes with a concrete activation.
    from symbp.verify.diagnose import _tidy, repairs
    from symbp.verify.interpret import Uninterpretable
    from symbp.verify.reader import read
    from symbp.notation import profile
    from symbp.verify.scalar import is_scalar
    from symbp.verify import Setting, check

    other = ((3, 4, 2), (4, 2, 3, 2), (2, 4, 3, 3, 2))
    caught = held = 0
    for e in CORPUS["correct"]:
        nt = profile(e["notation"])
        eq = read(e["formula"], nt)
        if is_scalar(eq):
            continue
        s = Setting(nt, e.get("activation", "generic"), e.get("cost", "quadratic"), e.get("one_hot", False))
        s2 = Setting(nt, "sigmoid" if s.activation == "generic" else s.activation, s.cost, s.one_hot, other)
        for words, cand in repairs(eq, s):
            try:
                out = check(_tidy(cand), s, 10, find_counterexample=False)
            except Uninterpretable:
                continue
            if out.status == "holds":
                held += 1
                assert check(_tidy(cand), s2, 10, find_counterexample=False).status == "holds", (e["source"], words)
            else:
                caught += 1
    assert caught > 200


def test_garbled_seed_formulas_never_crash_and_never_hold_inconsistently():
    # Token deletions, duplications and swaps of the corpus formulas (like extraction damage):
    # every result is a verdict, and what holds also holds on other shapes with the sigmoid.
    import random
    import re

    token = re.compile(r"\\[A-Za-z]+|\\.|[{}^_()\[\]=+\-']|[A-Za-z]|\d+|\s+|.")
    rng = random.Random(7)
    other = ((3, 4, 2), (4, 2, 3, 2))
    statuses = set()
    for _ in range(600):
        e = rng.choice(CORPUS["correct"])
        toks = token.findall(e["formula"])
        for _ in range(rng.randint(1, 3)):
            k = rng.randrange(len(toks))
            op = rng.random()
            if op < 0.3 and len(toks) > 1:
                del toks[k]
            elif op < 0.6:
                toks.insert(k, rng.choice(toks))
            else:
                k2 = rng.randrange(len(toks))
                toks[k], toks[k2] = toks[k2], toks[k]
        text = "".join(toks)
        v = verify(text, e["notation"], **_options(e), diagnose=False, budget=5)
        statuses.add(v.status)
        if v.status == "holds" and v.family:
            again = verify(text, e["notation"], **{**_options(e), "activation": "sigmoid"}, family=other,
                           diagnose=False, budget=120)  # every depth, twice the networks: room on a busy machine
            assert again.status == "holds", text
    assert {"holds", "refuted", "unreadable"} <= statuses


def test_cli_report_into_a_missing_folder_is_exit_2_before_any_work(tmp_path, capsys):
    notes = tmp_path / "n.md"
    notes.write_text("$$\\delta^L = \\nabla_a C \\odot \\sigma'(z^L)$$\n", encoding="utf-8")
    code, out, err = _cli(["--notes", str(notes), "--report", str(tmp_path / "missing" / "r.md")], capsys)
    assert code == 2 and "does not exist" in err and "Traceback" not in err


def test_sigmoid_with_cross_entropy_output_error():
    # Nielsen ch. 3, used in seed 004's logistic example: δ^L = a^L − y for σ = sigmoid only.
    v = verify(r"\delta^L_j = a^L_j - y_j", activation="sigmoid", cost="cross-entropy")
    assert v.status == "holds" and v.identity == "ce-sigmoid"
    assert verify(r"\delta^L_j = a^L_j - y_j", activation="tanh", cost="cross-entropy").status == "refuted"


def test_interpretation_shows_the_formula_in_nielsen_notation():
    # Sokolinsky's w_{ji} (from j to i) is Nielsen's w_{ij}; Dyda's layer [l] is Nielsen's l+1.
    v = verify(r"\frac{\partial C}{\partial w_{ji}^{(l)}} = \delta_i^{(l)} \cdot a_j^{(l-1)}", "sokolinsky")
    assert v.interpretation["nielsen"] == r"\frac{\partial C}{\partial w^l_{ij}} = \delta^l_i a^{l-1}_j"
    d = verify(r"\frac{\partial \mathbf{L}}{\partial w_{k,0}^{[l]}} = \delta_k^{[l]}", "dyda")
    assert d.status == "holds" and d.interpretation["nielsen"].startswith(r"\frac{\partial C}{\partial b^{l+1}_k}")


def test_identity_names_are_those_of_the_core_catalogue():
    from symbp.identities import CATALOGUE

    names = {e["identity"] for e in CORPUS["correct"] if e["identity"]}
    assert names and names <= set(CATALOGUE), names - set(CATALOGUE)


def test_align_rows_continue_the_chain_above():
    from symbp.verify.extract import extract

    # Each row is reported at its own line; "&= …" continues the chain from its first side.
    tex = ("Proof.\n\\begin{align}\n\\frac{\\partial C}{\\partial b^l_j} &= \\frac{\\partial C}{\\partial z^l_j} \\\\\n"
           "&= \\delta^l_j\n\\end{align}\n")
    first, second = extract(tex, "latex")
    assert (first.line, second.line) == (3, 4)
    assert second.text == "\\frac{\\partial C}{\\partial b^l_j} = \\delta^l_j"
    v = verify(second.text)
    assert v.status == "holds" and v.identity == "BP3"


BP_BY_NOTATION = {
    "nielsen": [r"\delta^L = \nabla_a C \odot \sigma'(z^L)", r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)",
                r"\frac{\partial C}{\partial b^l_j} = \delta^l_j", r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j"],
    "sokolinsky": [r"\delta_i^{(L)} = \frac{\partial C}{\partial a_i^{(L)}} \sigma'(z_i^{(L)})",
                   r"\delta_j^{(l)} = \sigma'(z_j^{(l)}) \sum_i w_{ji}^{(l+1)} \delta_i^{(l+1)}",
                   r"\frac{\partial C}{\partial b_i^{(l)}} = \delta_i^{(l)}",
                   r"\frac{\partial C}{\partial w_{ji}^{(l)}} = \delta_i^{(l)} a_j^{(l-1)}"],
    "dyda": [r"\delta_k^{[L]} = \frac{\partial \mathbf{L}}{\partial a_k^{[L]}} \varphi'(\text{net}_k^{[L]})",
             r"\delta_j^{[l]} = \varphi'(\text{net}_j^{[l]}) \sum_k w_{k,j}^{[l+1]} \delta_k^{[l+1]}",
             r"\frac{\partial \mathbf{L}}{\partial w_{k,0}^{[l]}} = \delta_k^{[l]}",
             r"\frac{\partial \mathbf{L}}{\partial w_{k,j}^{[l]}} = \delta_k^{[l]} x_j^{[l-1]}"],
}


@pytest.mark.parametrize("activation", ["generic", "sigmoid", "tanh", "relu", "identity", "softplus"])
@pytest.mark.parametrize("notation", list(BP_BY_NOTATION))
def test_bp1_to_bp4_hold_in_every_notation_for_every_activation(notation, activation):
    for formula in BP_BY_NOTATION[notation]:
        v = verify(formula, notation, activation=activation, diagnose=False)
        assert v.status == "holds", (formula, v.reason)


def test_dyda_matrix_bp2_drops_the_bias_row_as_dyda_does():
    # Seed 003: (W^{[l+1]})^T δ^{[l+1]} has the extra row of x_0 = 1; Dyda drops it by hand
    # ("pomijając pierwszy element"). This test once said the matrix form was refuted for its shapes; review rv48 B2
    # redecided it: symbp latex prints exactly this formula as Theorem BP2 in Dyda's notation and states that W
    # stands for its weight columns j ≥ 1 in such a product, and verify now reads it so (rows j ≥ 1 of W^T δ are
    # Σ_k w_{k,j} δ_k, times φ'(net_j): δ^{[l]}_j). Holds; the wrong variants stay refuted.
    v = verify(r"\delta^{[l]} = ((W^{[l+1]})^T \delta^{[l+1]}) \odot \varphi'(\text{net}^{[l]})", "dyda", diagnose=False)
    assert v.status == "holds", v.reason
    for wrong in (r"\delta^{[l]} = ((W^{[l+1]})^T \delta^{[l+1]}) \odot \varphi'(\text{net}^{[l+1]})",
                  r"\delta^{[l]} = (W^{[l+1]} \delta^{[l+1]}) \odot \varphi'(\text{net}^{[l]})"):
        assert verify(wrong, "dyda", diagnose=False).status == "refuted", wrong


def test_a_side_that_fails_and_holds_nowhere_refutes_the_chain():
    # Seed 000 line 311: the sum's bound n_{l+1} should be n_l. At L = 2 the side has no instance (layer
    # l+1 is missing) while the other sides hold; that is no evidence of a condition on the depth.
    # By hand on [2, 3, 2], l = 2, j = 3: Σ_{k=1}^{2} ∂C/∂b^2_k ∂b^2_k/∂z^2_3 = 0, but ∂C/∂z^2_3 = δ^2_3 ≠ 0.
    chain = (r"\delta_j^l = \frac{\partial C}{\partial z_j^l} = \sum_{k=1}^{n_{l+1}} \frac{\partial C}{\partial b_k^l}"
             r" \frac{\partial b_k^l}{\partial z_j^l} = \frac{\partial C}{\partial b_j^l}")
    with bias_through_z("line 302"):  # the seed writes b = z − Σ w a
        r = verify(chain)
        assert r.status == "refuted" and "side 3" in r.reason
        assert verify(chain.replace("n_{l+1}", "n_l")).status == "holds"  # the corrected bound


@pytest.mark.parametrize("claim, status", [
    # by hand: tanh' = 1 − tanh² = sech² = 1/cosh²; δ^L = (a^L − y) ⊙ tanh'(z^L) for the quadratic cost (BP1)
    (r"\tanh'(z) = \operatorname{sech}^2(z)", "holds"),
    (r"\tanh'(z) = \operatorname{sech}(z)", "refuted"),
    (r"\tanh'(z) = \frac{1}{\cosh^2(z)}", "holds"),
    (r"\tanh'(z) = \frac{\sinh^2(z)}{\cosh^2(z)}", "refuted"),  # that is tanh², not 1 − tanh²
    (r"\tanh'(z) = \tanh^2(z)", "refuted"),
    (r"\tanh'(z) = 1 - \tanh^{-1}(z)", "unreadable"),  # the inverse function, not a power
    (r"\frac{\partial a^l_j}{\partial z^l_j} = \operatorname{sech}^2(z^l_j)", "holds"),
    (r"\frac{\partial a^l_j}{\partial z^l_j} = \operatorname{sech}^4(z^l_j)", "refuted"),
    (r"\frac{\partial a^l_j}{\partial z^l_j} = 1 - \tanh^2(z^l_j)", "holds"),
    (r"\delta^L = (a^L - y) \odot \operatorname{sech}^2(z^L)", "holds"),
    (r"\delta^L = (a^L - y) \odot \tanh^2(z^L)", "refuted"),
    (r"\delta^L = (a^L - y) \odot \operatorname{sech}(z^L)", "uninterpretable"),  # not a value of the network's atoms
    (r"\delta^l = \operatorname{diag}(1 - (a^l)^2) (w^{l+1})^T \delta^{l+1}", "holds"),
    (r"\delta^l = \operatorname{diag}(1 - a^l) (w^{l+1})^T \delta^{l+1}", "refuted"),
])
def test_hyperbolic_spellings_on_a_tanh_network(claim, status):
    assert verify(claim, activation="tanh").status == status


def test_sech_squared_on_a_sigmoid_network_is_not_the_activation():
    # sech² = 1 − tanh² names tanh: on a sigmoid network it is uninterpretable, never held
    v = verify(r"\delta^L = (a^L - y) \odot \operatorname{sech}^2(z^L)", activation="sigmoid")
    assert v.status == "uninterpretable"


def test_sech_squared_agrees_with_a_finite_difference_of_tanh():
    import mpmath

    # independent oracle for the identity the reading relies on: d/dz tanh z by central differences
    for z in (mpmath.mpf("0.3"), mpmath.mpf("-1.7")):
        assert abs(mpmath.diff(mpmath.tanh, z) - mpmath.sech(z) ** 2) < mpmath.mpf(10) ** -12


@pytest.mark.parametrize("budget", [-5, 0, float("nan"), float("inf"), True, 10 ** 6])
def test_a_bad_budget_is_the_same_clear_error_as_the_cli_gives(budget):
    """Review 21 F3: verify(..., budget=-5) ran and said the budget ran out; the CLI exits 2."""
    from symbp.errors import SpecError

    with pytest.raises(SpecError, match="budget must be a positive number of seconds"):
        verify(r"\delta^L = (a^L-y) \odot \sigma'(z^L)", "nielsen", budget=budget)


@pytest.mark.parametrize("formula, options", [(None, {}), (b"\\delta^L = 1", {}), ("\\delta^L = 1", {"cost": None})])
def test_a_formula_or_cost_of_the_wrong_type_is_a_spec_error(formula, options):
    """Review rv38 C: the API raised a bare TypeError (None, bytes) or answered 'uninterpretable' (cost=None)."""
    from symbp.errors import SpecError
    with pytest.raises(SpecError):
        verify(formula, "nielsen", **options)


@pytest.mark.parametrize("formula", [r"\delta^L = \delta^L", r"\frac{\partial C}{\partial b^l} = \frac{\partial C}{\partial b^l}",
                                     r"\delta^L = \delta^L = \delta^L"])
def test_a_side_equal_to_the_left_side_is_no_catalogue_identity(formula):
    """Review rv38: δ^L = δ^L held "matching BP1" — true, but it says nothing of BP1."""
    result = verify(formula, "nielsen")
    assert result.status == "holds" and result.identity == ""


def test_bp1_still_matches_bp1():
    assert verify(r"\delta^L = (a^L - y) \odot \sigma'(z^L)", "nielsen").identity == "BP1"


# Review rv42a A2: 0^0 has no value, as 0/0 has none; read as 1 it made δ · 0^0 hold as BP3.
@pytest.mark.parametrize("formula", [
    r"\frac{\partial C}{\partial b^l_j} = \delta^l_j \cdot 0^0",
    r"\frac{\partial C}{\partial b^l_j} = \delta^l_j + (y_1 - y_1)^0 - 1",
    r"\frac{\partial C}{\partial b^l_j} = \frac{\delta^l_j}{0}",
])
def test_a_power_or_quotient_of_zero_is_never_held(formula):
    result = verify(formula)
    assert result.verdict not in ("proved", "proved-for-all-sizes", "holds", "probably-true")
    assert "zero" in result.reason


def test_a_zeroth_power_of_a_nonzero_quantity_is_one():
    assert verify(r"\frac{\partial C}{\partial b^l_j} = \delta^l_j (1 + y_1^2)^0").verdict in ("proved", "proved-for-all-sizes")
