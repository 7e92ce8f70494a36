"""symbp.junit: certificates as JUnit XML for course CI (issue 7, --junit)."""

import xml.etree.ElementTree as ET

import pytest

from symbp import identities, mutants, network
from symbp.certificate import Certificate
from symbp.errors import SpecError
from symbp.prove import prove
from symbp.verify import junit


def _certs():
    net = network([2, 2, 2], "sigmoid")
    proved = prove(identities.BP2, net)
    refuted = prove(mutants.BP2_NO_TRANSPOSE, net)
    undecided = prove(identities.BP2, network([3, 4, 4, 3]), method="exact", budget=1e-9)
    return proved, refuted, undecided


def test_each_certificate_is_a_test_case_with_its_outcome(tmp_path):
    proved, refuted, undecided = _certs()
    assert (proved.verdict, refuted.verdict, undecided.verdict) == ("proved", "refuted", "undecided")
    path = tmp_path / "report.xml"
    junit.write(path, [proved, ("BP2 without transpose", refuted), undecided], suite="week3.tex")
    root = ET.parse(path).getroot()
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors"), suite.get("skipped")) == ("3", "2", "0", "0")
    cases = suite.findall("testcase")
    assert cases[0].find("failure") is None
    failure = cases[1].find("failure")
    assert cases[1].get("name") == "BP2 without transpose" and failure.get("type") == "refuted"
    assert refuted.counterexample.lhs in failure.text and refuted.counterexample.rhs in failure.text
    assert cases[2].find("failure").get("type") == "undecided" and "time budget" in cases[2].find("failure").text
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_undecided_can_be_skipped():
    _, _, undecided = _certs()
    root = ET.fromstring(junit.to_xml([undecided], undecided="skip"))
    assert root.find("testsuite").get("skipped") == "1"


def test_unreadable_formula_is_an_error_and_garbage_stays_valid_xml():
    cert = Certificate(identity="formula", network={}, method="exact", verdict="undecided",
                       statement="\\frac{\x00\x1b", reason="unknown macro \\frac at \x07", details={"status": "unreadable"})
    root = ET.fromstring(junit.to_xml([("line 3: \x01", cert)]))
    assert root.find("testsuite").get("errors") == "1"
    assert root.find("testsuite/testcase/error").get("type") == "unreadable"


def test_an_unwritable_path_is_a_clear_error(tmp_path):
    proved, _, _ = _certs()
    with pytest.raises(SpecError, match="cannot write the JUnit report"):
        junit.write(tmp_path / "missing-dir" / "r.xml", [proved])


def test_verifications_of_notes_become_test_cases(tmp_path):
    # What `symbp verify --notes week3.tex --junit report.xml` writes: one case per formula.
    from symbp.verify.extract import extract
    from symbp.verify import verify

    notes = (r"BP3: $$\frac{\partial C}{\partial b^l_j} = \delta^l_j$$" "\n"
             r"with a slip: $$\frac{\partial C}{\partial b^l_j} = 2\delta^l_j$$" "\n"
             r"broken: $$\delta^l = \frac{ + 1$$" "\n")
    rows = [(f"line {f.line}: {f.text}", verify(f.text)) for f in extract(notes)]
    path = tmp_path / "report.xml"
    junit.write(path, rows, suite="week3.tex")
    suite = ET.parse(path).getroot().find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")
    failure = suite.find("testcase/failure")
    assert "factor 2" in failure.text and failure.get("type") == "refuted"


def test_verify_notes_writes_junit_through_the_cli(tmp_path, capsys):
    # `symbp verify --notes week3.tex --junit report.xml` (issue 7): one test case per formula.
    import xml.etree.ElementTree as ET

    from symbp.cli import main

    notes = tmp_path / "week3.tex"
    notes.write_text(
        "BP1: $$\\delta^L = \\nabla_a C \\odot \\sigma'(z^L)$$\n"
        "BP2: $$\\delta^l = (w^{l+1} \\delta^{l+1}) \\odot \\sigma'(z^l)$$\n",  # stated (a missing transpose): refuted
        encoding="utf-8",
    )
    out = tmp_path / "report.xml"
    code = main(["verify", "--notes", str(notes), "--junit", str(out)])
    assert code == 1
    suite = ET.parse(out).getroot()
    cases = suite.iter("testcase")
    names = [c.get("name") for c in cases]
    assert len(names) == 2 and names[0].startswith("line 1")
    failures = [c for c in suite.iter("testcase") if c.find("failure") is not None]
    assert len(failures) == 1 and "line 2" in failures[0].get("name")


def test_junit_without_notes_is_bad_input(capsys):
    from symbp.cli import main

    assert main(["verify", "--junit", "x.xml", r"\delta^L = 1"]) == 2
    assert "--junit needs --notes" in capsys.readouterr().err
