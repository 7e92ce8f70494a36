"""Notation profiles map Nielsen's indices exactly (seeds 000, 002, 003)."""

import pytest

from symbp import notation
from symbp.errors import NotationError
from symbp.network import network
from symbp.prove import prove


def test_sokolinsky_swaps_weight_indices_seed_002():
    # Sokolinsky's w^{(l)}_{ji} goes from j (layer l−1) to i (layer l): Nielsen's w^l_{ij}.
    s = notation.profile("sokolinsky")
    assert s.weight(3, 1, 2) == "w^{(3)}_{21}"
    assert notation.profile("nielsen").weight(3, 1, 2) == "w^{3}_{12}"


def test_dyda_bias_is_column_zero_and_layers_start_at_zero_seed_003():
    d = notation.profile("dyda")
    assert d.bias(2, 3) == "w^{[1]}_{3,0}"
    assert d.weight(2, 3, 1) == "w^{[1]}_{3,1}"
    assert d.neuron("z", 3, 1) == r"\mathrm{net}^{[2]}_{1}"
    assert d.cost == r"\mathbf{L}" and d.sigma == r"\varphi"


def test_bp4_certificate_rendered_under_each_profile():
    # The same BP4 instance w^3_{12} names different symbols in each profile.
    cert = prove("BP4", network([2, 3, 2]))
    assert cert.verdict == "proved"
    names = {p: notation.profile(p).weight(3, 1, 2) for p in ("nielsen", "sokolinsky", "dyda")}
    assert names == {"nielsen": "w^{3}_{12}", "sokolinsky": "w^{(3)}_{21}", "dyda": "w^{[2]}_{1,2}"}


def test_profile_from_toml(tmp_path):
    f = tmp_path / "ng.toml"
    f.write_text('name = "ng"\nlayer_brackets = ["[", "]"]\n[names]\nweight = "W"\nz = "Z"\n', encoding="utf-8")
    ng = notation.load(f)
    assert ng.weight(2, 1, 1) == "W^{[2]}_{11}"
    assert ng.neuron("z", 2, 1) == "Z^{[2]}_{1}"


@pytest.mark.parametrize(
    "text, match",
    [('name = "x"\ncolour = "red"\n', "unknown keys"), ('layer_shift = 0\n', "needs a 'name'"), ("name = \n", "not valid TOML"),
     ('name = "x"\n[names]\nfoo = "f"\n', "unknown roles"), ('name = "x"\nweight_order = "up"\n', "weight_order")],
)
def test_bad_profile_files_are_clear_errors(tmp_path, text, match):
    f = tmp_path / "p.toml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(NotationError, match=match):
        notation.load(f)


def test_unknown_profile():
    with pytest.raises(NotationError, match="unknown notation"):
        notation.profile("ng")


def test_refutation_point_renders_in_each_profile():
    # A BP4 mutant's counterexample point names w^3_12; Sokolinsky swaps it, Dyda brackets it.
    from symbp import mutants

    cert = prove(mutants.BP4_SWAPPED, network([3, 3, 3], activation="generic"))
    assert cert.verdict == "refuted"
    assert "w^3_12" in cert.counterexample.point
    assert notation.profile("sokolinsky").quantity("w^3_12") == "w^{(3)}_{21}"
    assert notation.profile("dyda").quantity("w^3_12") == "w^{[2]}_{1,2}"
    assert notation.profile("dyda").quantity("b^3_2") == "w^{[2]}_{2,0}"
    assert notation.profile("nielsen").quantity("x_2") == "x_{2}"


def test_cli_prints_the_counterexample_in_the_chosen_notation(capsys):
    from symbp.cli import main

    code = main(["prove", "--sizes", "3,3,3", "--cost", "softmax-cross-entropy", "--identity", "softmax-ce-one-hot", "--notation", "sokolinsky"])
    assert code == 1
    out = capsys.readouterr().out
    assert "w^{(3)}_{" in out and "w^3_" not in out


# Issue 12, item 5: a letter with two roles, an unknown key, a bad value: each an error naming what.
@pytest.mark.parametrize(
    "text, words",
    [
        ('name = "x"\n[names]\na = "z"\n', "the letter 'z' names two roles, z and a"),
        ('name = "x"\n[names]\ncost = "y"\n', "the letter 'y' names two roles, target and cost"),
        ('name = "x"\n[names]\ndelta = "e"\n', "always means Euler's number"),
        ('name = "x"\nlayer_shift = "one"\n', "layer_shift must be an integer, got 'one'"),
        ('name = "x"\nlayer_shift = true\n', "layer_shift must be an integer"),
        ('name = "x"\nlayer_shift = 1000\n', "between -10 and 10"),
        ('name = "x"\nbias_column = "yes"\n', "bias_column must be true or false"),
        ('name = "x"\nlayer_brackets = ["<", ">"]\n', "layer_brackets must be one of"),
        ('name = "x"\nindex_separator = "--"\n', "index_separator must be"),
        ('name = "x"\n[names]\nz = 3\n', "names.z must be a non-empty string"),
        ('name = "x"\n[names]\nz = "$z$"\n', "is not a symbol"),
        ('name = ""\n', "the name is empty"),
        ('name = "x"\nnames = "w"\n', "[names] must be a table"),
    ],
)
def test_profile_values_are_validated(tmp_path, text, words):
    f = tmp_path / "p.toml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(NotationError) as info:
        notation.load(f)
    assert words in str(info.value)


def test_weight_and_weight_matrix_may_share_a_letter():
    p = notation.from_mapping({"name": "mine", "names": {"weight": "W", "weight_matrix": "W"}})
    assert p.names["weight"] == p.names["weight_matrix"] == "W"


def test_builtin_and_shipped_profiles_pass_the_checks():
    from pathlib import Path

    for name in notation.PROFILES:
        notation.profile(name)
    assert notation.load(Path(__file__).parent / "data" / "ng.toml").name == "ng"


def test_profile_file_size_and_encoding_limits(tmp_path):
    from symbp.files import MAX_PROFILE_BYTES

    big = tmp_path / "big.toml"
    big.write_text('name = "x"\n' + "# padding\n" * (MAX_PROFILE_BYTES // 10 + 1), encoding="utf-8")
    with pytest.raises(NotationError, match="larger than the limit of 64 KiB"):
        notation.load(big)
    binary = tmp_path / "b.toml"
    binary.write_bytes(b"name = \x00\x01")
    with pytest.raises(NotationError, match="binary file"):
        notation.load(binary)


def test_cli_profile_with_two_roles_exits_2_naming_both(tmp_path, capsys):
    from symbp.cli import main

    f = tmp_path / "p.toml"
    f.write_text('name = "mine"\n[names]\na = "z"\n', encoding="utf-8")
    assert main(["verify", "--notation", str(f), r"a^l = \sigma(z^l)"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "the letter 'z' names two roles, z and a" in err


# Review rv42a A4/B3: a role named by a macro the reader gives a fixed meaning (\exp, \tanh, \Sigma) would be read as
# that meaning: `\exp'(z) = \exp(z)` held "for σ = sigmoid" with activation = "\exp". Refused, naming the role.
@pytest.mark.parametrize("macro", ["\\\\exp", "\\\\tanh", "\\\\sinh", "\\\\Sigma", "\\\\ln", "\\\\nabla"])
def test_profile_refuses_a_macro_with_a_fixed_meaning(tmp_path, macro):
    from symbp.cli import main

    path = tmp_path / "p.toml"
    path.write_text(f'name = "p"\n[names]\nactivation = "{macro}"\n', encoding="utf-8")
    with pytest.raises(NotationError, match=r"the role activation is named .* always reads as"):
        notation.load(path)
    assert main(["verify", "--notation", str(path), "--activation", "sigmoid", "\\exp'(z) = \\exp(z)"]) == 2


def test_every_function_macro_of_the_reader_is_reserved():
    from symbp.notation import _RESERVED_MACROS
    from symbp.verify.forms import HYPERBOLIC
    assert set(HYPERBOLIC) | {"exp", "log", "ln", "Sigma", "sum", "nabla", "partial"} <= set(_RESERVED_MACROS)


def test_greek_macros_stay_free_for_profiles(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('name = "p"\n[names]\nactivation = "\\\\phi"\nweight = "\\\\theta"\n', encoding="utf-8")
    assert notation.load(path).names["activation"] == "\\phi"
