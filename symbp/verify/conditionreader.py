r"""The one pass of ``conditionals`` over the notes' tokens: conditionals, switches, and definitions standing for them.

``_Reader(text).run()`` gives every conditional it found (``_Open``): TeX's ``\\ifX … \\else … \\fi`` (with
e-TeX's ``\\unless``), a name the notes define to stand for one (``\\let\\hide\\iffalse``,
``\\newcommand{\\hide}{\\iffalse}``), ifthen's and etoolbox's conditionals with arguments, and the arguments of the
notes' macros that their definitions drop or typeset under a condition. ``conditionals`` blanks and reports them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .conditionforms import (DECIDED, SETTERS, TOGGLES, body, boolean_test, groups, hiding_environments, name_argument,
                             value_argument)
from .delimiters import _DEFINED_AS, VERBATIM_ENVIRONMENTS, _Lexer, _line, _line_starts
from .scan import _pair

#: TeX's own conditionals (and e-TeX's, pdfTeX's): a test whose value symbp does not work out.
PRIMITIVES = frozenset({
    "if", "ifcat", "ifx", "ifnum", "ifdim", "ifodd", "ifcase", "ifvmode", "ifhmode", "ifmmode", "ifinner", "ifvoid",
    "ifhbox", "ifvbox", "ifeof", "ifdefined", "ifcsname", "iffontchar", "ifincsname", "ifpdfprimitive", "ifabsnum",
    "ifabsdim", "ifpdf", "ifxetex", "ifluatex", "ifPDFTeX", "ifXeTeX", "ifLuaTeX",
})
#: Control words starting with "if" that are not conditionals: ``\iff`` (⟺) and the like.
NOT_CONDITIONALS = frozenset({"iff"})
#: Macros after which ``\ifx…`` is a name being defined, not a conditional that opens.
_DEFINERS = frozenset({"newif", "let", "def", "gdef", "edef", "xdef", "newcommand", "renewcommand",
                       "providecommand", "DeclareRobustCommand"})

_TOKEN = re.compile(r"\\([A-Za-z]+)|\\.|%|[{}]", re.S)
_CSNAME = re.compile(r"\s*([A-Za-z@]+)\s*\\endcsname(?![A-Za-z])")


@dataclass
class _Open:
    name: str  # the control word, "ifsigmoid"
    value: "bool | None"
    why: str  # what decided the value, or why it is unknown
    typeset: bool  # whether the conditional itself is in typeset text
    tokens: list  # (start, end) of \if…, \else, \or, \fi
    branches: list  # (start, end) of each branch
    start: int  # where the branch being read starts
    kind: str = "tex"  # 'tex' (\\ifX … \\fi), 'args' (\\ifthenelse{…}{…}{…}), 'macro' (the notes' macro's arguments)
    line: int = 0
    arguments: list = field(default_factory=list)  # ((start, end), 'hidden' | 'unknown') for 'args' and 'macro'
    test: str = ""


@dataclass
class _Alias:
    kind: str  # 'if' (opens), 'fi', 'else', 'unknown' (opens, value not known)
    how: str  # 'let' (the meaning itself: seen also in skipped text) or 'def' (a macro: only where it runs)
    value: "bool | None" = None
    why: str = ""
    switch: str = ""  # a macro that stands for \\ifX: X's value where it is used


@dataclass
class _Macro:
    params: int
    optional: bool
    used: frozenset
    conditional: bool
    line: int


class _Reader:
    """One pass over the notes' tokens: the conditionals, the switches, the definitions that stand for them."""

    def __init__(self, text: str):
        self.text = text
        self.starts = _line_starts(text)
        self.math = _math_spans(text, self.starts)
        self.switches: dict[str, tuple] = {}  # the switch's name ("sigmoid", "toggle:x") -> (value or None, why)
        self.aliases: dict[str, _Alias] = {}  # \\hide -> what it stands for (\\newcommand{\\hide}{\\iffalse})
        self.macros: dict[str, _Macro] = {}  # the notes' macros with parameters (\\newcommand{\\hide}[1]{})
        self.stack: list[_Open] = []
        self.done: list[_Open] = []
        self.regions: list[tuple] = []  # (start, end, 'hidden' | 'unknown'): arguments a conditional macro decides
        self.bodies: list[tuple] = []  # (start, end) of definitions' bodies: their conditionals do not run here
        self.depth = 0
        self.tokens = list(_tokens(text))
        self.consumed: set[int] = set()  # the tokens a definition took (\\newif\\ifsigmoid, \\let\\ifsigmoid\\iftrue)
        self.environments = hiding_environments(text) if "environment" in text else {}

    def line(self, pos: int) -> int:
        return _line(self.starts, pos)

    def state(self, pos: int) -> str:
        """'typeset', 'skipped' (surely not typeset) or 'unknown' at ``pos``."""
        regions = [st for s, e, st in self.regions if s <= pos < e]
        if any(o.value is not None and not _taken(o) for o in self.stack) or "hidden" in regions:
            return "skipped"
        if any(o.value is None for o in self.stack) or "unknown" in regions:
            return "unknown"
        return "typeset"

    def run(self) -> list:
        tokens, text = self.tokens, self.text
        unless = None
        k = 0
        while k < len(tokens):
            word, a, b = tokens[k]
            k += 1
            if k - 1 in self.consumed:
                continue
            inverted, unless = unless is not None and not text[unless[1]:a].strip(), None
            if self.bodies and self.bodies[0][1] <= a or self.regions and self.regions[0][1] <= a:
                # what has ended is passed (both lists grow in the order of their starts)
                self.bodies = [x for x in self.bodies if x[1] > a]
                self.regions = [x for x in self.regions if x[1] > a]
            state = self.state(a)
            in_body = any(s <= a < e for s, e in self.bodies)
            if text.startswith("\\csname", a) and state != "typeset" and (
                    _conditional_word(word, self.aliases) or word in ("fi", "else", "or")):
                # \\csname iffalse\\endcsname is a conditional only where TeX expands it: skipped text expands
                # nothing; where that is unknown, a closer is passed over (the unknown text runs on to a real \\fi)
                if state == "skipped" or word in ("fi", "else", "or"):
                    continue
            if word == "{":
                self.depth += 1
            elif word == "}":
                self.depth = max(0, self.depth - 1)
            elif word == "unless":
                unless = (a, b)
            elif word in _DEFINERS:
                self.define(k, word, state)
            elif word == "begin" and self.environments and state == "typeset" and not _inside(self.math, a):
                self.environment(a, b)
            elif word in SETTERS:  # in a definition's body too: the switch is then not known (a group)
                k = self.setter(k, word, a, b, state)
            elif in_body and _conditional_word(word, self.aliases):
                continue  # a conditional in a macro's definition runs where the macro is used, not here
            elif word in self.aliases:
                self.alias(word, a, b, state, tokens[k - 2] if inverted else None)
            elif word in self.macros:
                if state == "typeset" and not _inside(self.math, a) and not in_body:
                    self.arguments(word, a, b)
            elif word.endswith(("true", "false")) and (word[:-4] if word.endswith("true") else word[:-5]) in \
                    self.switches:
                name, value = (word[:-4], True) if word.endswith("true") else (word[:-5], False)
                if state != "skipped":
                    self.switches[name] = _set(value, f"\\{word} at line {self.line(a)}", state == "typeset",
                                               self.depth, self.line(a))
            elif word in ("iftrue", "iffalse") and _DEFINED_AS.search(text, max(0, a - 80), a):
                continue  # \\def\\ifdraft{\\iffalse}: the value a definition gives, not a conditional (rv53 F7)
            elif _with_arguments(word, text, b) and word[2:] not in self.switches:
                if state == "typeset" and not _inside(self.math, a) and not in_body:
                    self.decide_arguments(word, a, b)
            elif word.startswith("if") and word not in NOT_CONDITIONALS:
                value, why = _value(word, self.switches, text, b)
                if value == "not a conditional":
                    continue
                self.open(word, value, why, state, a, b, tokens[k - 2] if inverted else None)
            elif word in ("else", "or") and self.stack:
                self.branch(a, b)
            elif word == "fi" and self.stack:
                self.close(a, b)
        for top in reversed(self.stack):  # never closed: its last branch runs to the end
            top.branches.append((top.start, len(text)))
            self.done.append(top)
        return self.done

    def environment(self, a: int, b: int) -> None:
        # \\begin{hide} of \\newenvironment{hide}{\\iffalse}{\\fi}: its body is unknown up to \\end{hide}
        m = re.compile(r"\s*\{([A-Za-z]+\*?)\}").match(self.text, b)
        if m is None or m.group(1) not in self.environments:
            return
        close = self.text.find(f"\\end{{{m.group(1)}}}", m.end())
        span = (m.end(), len(self.text) if close < 0 else close)
        opened = _Open(m.group(1), None, "", True, [], [], b, kind="environment", line=self.environments[m.group(1)])
        opened.arguments = [(span, "unknown")]
        self.regions.append((span[0], span[1], "unknown"))
        self.done.append(opened)

    def open(self, word, value, why, state, a, b, unless=None) -> None:
        tokens = [(a, b)]
        if unless is not None:  # e-TeX's \\unless\\ifX: the test inverted (review rv53 F6)
            tokens.insert(0, (unless[1], unless[2]))
            a = unless[1]
            if value is not None:
                value = not value
                why = f"\\unless inverts it; {why}"
        self.stack.append(_Open(word, value, why, state == "typeset" and not _inside(self.math, a), tokens, [], b))

    def branch(self, a: int, b: int) -> None:
        top = self.stack[-1]
        top.branches.append((top.start, a))
        top.tokens.append((a, b))
        top.start = b

    def close(self, a: int, b: int) -> None:
        top = self.stack.pop()
        top.branches.append((top.start, a))
        top.tokens.append((a, b))
        self.done.append(top)

    def define(self, k: int, word: str, state: str) -> None:
        """The definition whose definer ``word`` is token ``k - 1``: a switch (\\newif\\ifX), or a name that stands
        for a conditional (\\let\\hide\\iffalse, \\newcommand{\\hide}{\\iffalse}) or takes arguments."""
        tokens, text = self.tokens, self.text
        j = k + 1 if k + 1 < len(tokens) and tokens[k][0] == "{" else k  # \\newcommand{\\ifdraft}
        if j >= len(tokens) or tokens[j][0] in "{}":
            return
        name, at, end = tokens[j]
        line = self.line(at)
        self.consumed.add(j)  # a name being defined, not a conditional that opens
        self.aliases.pop(name, None)
        self.macros.pop(name, None)
        known = state != "skipped"
        switch = name.startswith("if") and name not in NOT_CONDITIONALS
        if word == "newif":
            if switch and known:
                self.switches[name[2:]] = _set(False, f"declared by \\newif at line {line}, false until set",
                                               state == "typeset", self.depth, line)
            return
        if word == "let":
            target = tokens[j + 1] if j + 1 < len(tokens) and re.fullmatch(r"\s*=?\s*", text[end:tokens[j + 1][1]]) \
                else None
            if target is not None:
                self.consumed.add(j + 1)
            meaning = self.meaning(target[0] if target else "", name, line)
            if not known:
                meaning = _Alias("unknown", "let", None, f"\\{name} is defined at line {line} in a branch whose "
                                 "condition symbp cannot tell")
            if switch and meaning.kind in ("if", "unknown"):  # \\drafttrue may set it again: a switch
                self.switches[name[2:]] = _set(meaning.value, meaning.why, state == "typeset", self.depth, line)
            elif switch and meaning.kind == "none":
                self.switches[name[2:]] = (None, f"\\{name} is defined by \\let at line {line}")
            elif meaning.kind != "none":
                self.aliases[name] = meaning
            return
        found = body(text, end, "def" if word.endswith("def") else "newcommand")
        if found is None:
            if switch and known:
                self.switches[name[2:]] = (None, f"\\{name} is defined by \\{word} at line {line}")
            return
        params, optional, start, stop = found
        self.bodies.append((start, stop))
        inner = [t for t, _, _ in _tokens(text[start:stop])]
        conditional = any(_conditional_word(t, self.aliases) or t in ("fi", "else") for t in inner)
        if params:
            self.macros[name] = _Macro(params, optional, frozenset(n for n in range(1, params + 1)
                                                                   if f"#{n}" in text[start:stop]), conditional, line)
            return
        meaning = _Alias("none", "def")
        code = text[start:stop].strip()
        what = f"\\{word}\\{name}{{{code}}} at line {line}"
        if code in ("\\iftrue", "\\iffalse"):
            meaning = _Alias("if", "def", code == "\\iftrue", what)
        elif re.fullmatch(r"\\if[A-Za-z]+", code) and code[3:] in self.switches:
            meaning = _Alias("if", "def", None, what, switch=code[3:])
        elif code in ("\\fi", "\\else"):
            meaning = _Alias(code[1:], "def", None, what)
        elif conditional:
            opens = sum(_conditional_word(t, self.aliases) for t in inner) - inner.count("fi")
            if opens > 0:
                meaning = _Alias("unknown", "def", None, f"\\{name} opens a conditional ({what})")
            elif opens < 0:
                meaning = _Alias("fi", "def", None, what)
        if not known and meaning.kind != "none":
            meaning = _Alias("unknown", "def", None, f"\\{name} is defined at line {line} in a branch whose "
                             "condition symbp cannot tell")
        if meaning.kind != "none":
            self.aliases[name] = meaning
        if switch and known and meaning.kind in ("none", "unknown"):
            self.switches[name[2:]] = (None, f"\\{name} is defined by \\{word} at line {line}")

    def meaning(self, target: str, name: str, line: int) -> _Alias:
        """What ``\\let\\name\\target`` makes ``\\name``: a copy of the target's meaning."""
        what = f"\\let\\{name}\\{target} at line {line}"
        if target in ("iftrue", "iffalse"):
            return _Alias("if", "let", target == "iftrue", what)
        if target in ("fi", "else", "or"):
            return _Alias(target, "let", None, what)
        if target in self.aliases and self.aliases[target].how == "let":
            return self.aliases[target]
        if target.startswith("if") and target[2:] in self.switches:  # \\let copies the value it has now
            value, why = self.switches[target[2:]]
            return _Alias("if", "let", value, f"{what} ({why})")
        if target.startswith("if") and target not in NOT_CONDITIONALS or target in self.aliases:
            return _Alias("unknown", "let", None, what)
        return _Alias("none", "let")

    def setter(self, k: int, word: str, a: int, b: int, state: str) -> int:
        """ifthen's and etoolbox's ``\\setboolean{x}{true}``, ``\\toggletrue{x}``, …: the switch set; returns the
        token after the arguments (their braces are no group)."""
        count, fixed = SETTERS[word]
        args = groups(self.text, b, count)
        if len(args) < count:
            return k
        line = self.line(a)
        name = name_argument(self.text, args[0])
        value = fixed if fixed is not None else value_argument(self.text, args[1])
        setting = " ".join(self.text[a:args[-1][1] + 1].split())
        why = f"{setting} at line {line}"
        if value is None:
            why = f"{setting} at line {line} sets a value symbp does not read"
        if state != "skipped":
            if name is None:  # \\setboolean{\\which}{true}: any switch may be the one set
                for key in self.switches:
                    self.switches[key] = (None, f"{setting} at line {line} sets a switch symbp cannot name")
            else:
                key = ("toggle:" if word in TOGGLES else "") + name
                self.aliases.pop("if" + name, None)  # \\setboolean{x}{true} is \\let\\ifx\\iftrue
                if not (word.startswith("provide") and key in self.switches):
                    self.switches[key] = _set(value, why, state == "typeset", self.depth, line)
        while k < len(self.tokens) and self.tokens[k][1] <= args[-1][1]:
            k += 1
        return k

    def alias(self, word: str, a: int, b: int, state: str, unless=None) -> None:
        """A use of a name that stands for a conditional, \\fi or \\else (a macro's only where it runs)."""
        meaning = self.aliases[word]
        if meaning.how == "def" and state == "skipped":
            return  # skipped text expands no macro: \\hide there is not seen by TeX as a conditional
        if meaning.kind in ("fi", "else") and meaning.how == "def" and state == "unknown":
            return  # it may not run: the branch around it goes on (unjudged) to a \\fi TeX surely sees
        if meaning.kind == "fi" and self.stack:
            self.close(a, b)
        elif meaning.kind == "else" and self.stack:
            self.branch(a, b)
        elif meaning.kind == "or" and self.stack:
            self.branch(a, b)
        elif meaning.kind in ("if", "unknown"):
            value, why = meaning.value, meaning.why
            if meaning.switch:
                value, why = self.switches.get(meaning.switch, (None, f"\\if{meaning.switch} is not declared"))
                why = f"\\{word} stands for \\if{meaning.switch} ({meaning.why}); {why}"
            elif meaning.kind == "if":
                why = f"\\{word} stands for \\{'iftrue' if value else 'iffalse'} ({why})"
            self.open(word, value if meaning.kind == "if" else None, why, state, a, b, unless)

    def arguments(self, word: str, a: int, b: int) -> None:
        """A use of the notes' macro with parameters: an argument its definition drops is not typeset; one it
        typesets under a condition, unknown."""
        macro = self.macros[word]
        text = self.text
        spans = []
        pos = b
        if macro.optional:
            m = re.compile(r"\s*\[([^\]]*)\]").match(text, b)
            if m:
                spans.append((m.start(1), m.end(1)))
                pos = m.end()
            else:
                spans.append(None)
        spans += groups(text, pos, macro.params - len(spans))
        opened = _Open(word, None, "", True, [(a, b)], [], b, kind="macro", line=macro.line)
        states = []
        for n, span in enumerate(spans, start=1):
            if span is None:
                continue
            if n not in macro.used:
                states.append((span, "hidden"))
            elif macro.conditional:
                states.append((span, "unknown"))
        if states:
            opened.arguments = states
            self.regions += [(s, e, st) for (s, e), st in states]
            self.done.append(opened)

    def decide_arguments(self, word: str, a: int, b: int) -> None:
        r"""``\ifthenelse{\boolean{x}}{A}{B}``, ``\iftoggle{x}{A}{B}``: the branch taken typeset, the other hidden;
        any other test, and any other conditional with arguments (``\ifdef{…}{…}{…}``): every argument unknown."""
        text = self.text
        count = DECIDED.get(word)
        args = groups(text, b, count, options=True)
        if not args:
            return
        value, why = None, f"\\{word} is a test symbp does not evaluate"
        if count is not None and len(args) == count:
            test = text[args[0][0]:args[0][1]]
            if word == "ifthenelse":
                read_test = boolean_test(test)
            else:
                name = name_argument(text, args[0])
                read_test = (("toggle:" if "toggle" in word else "") + name, word.startswith("if")) if name else None
            if read_test is not None:
                name, positive = read_test
                value, why = self.switches.get(name, (None, f"{name.removeprefix('toggle:')} is not declared in "
                                                      "these notes"))
                if value is not None and not positive:
                    value = not value
        test_span = args[0] if count is not None and len(args) == count else None
        branches = args[1:] if test_span is not None else args
        opened = _Open(word, value, why, True, [(a, b)], [], b, kind="args", line=self.line(a))
        if test_span is not None:
            opened.tokens.append((test_span[0] - 1, test_span[1] + 1))
            opened.test = " ".join(text[test_span[0]:test_span[1]].split())
        opened.tokens += [(s - 1, s) for s, _ in branches] + [(e, e + 1) for _, e in branches]
        if value is None:
            opened.arguments = [(span, "unknown") for span in branches]
        else:
            opened.arguments = [(span, "hidden") for n, span in enumerate(branches) if n != (0 if value else 1)]
        self.regions += [(s, e, st) for (s, e), st in opened.arguments]
        self.done.append(opened)


def _conditional_word(word: str, aliases: dict) -> bool:
    # a token that opens a conditional: \\ifX (not \\iff), or a name that stands for one
    return (word.startswith("if") and word not in NOT_CONDITIONALS) or (
        word in aliases and aliases[word].kind in ("if", "unknown"))


def _with_arguments(word: str, text: str, end: int) -> bool:
    # \\ifthenelse{…}{…}{…}, \\iftoggle{x}{…}{…}, \\IfFileExists{…}, \\notbool{x}: a conditional with arguments
    if word in DECIDED:
        return True
    return word.startswith(("if", "If")) and word not in NOT_CONDITIONALS and word not in ("iftrue", "iffalse") and re.compile(r"\s*[{\[*]").match(
        text, end) is not None and word not in PRIMITIVES


def _tokens(text: str):
    """(control word or '{', '}', start, end), comments and verbatim environments skipped."""
    i = 0
    while True:
        m = _TOKEN.search(text, i)
        if m is None:
            return
        i = m.end()
        if m.group(0) == "%":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        if m.group(0) in "{}":
            yield m.group(0), m.start(), m.end()
            continue
        word = m.group(1)
        if word is None:
            continue
        if word == "begin":
            env = re.compile(r"\s*\{([A-Za-z]+\*?)\}").match(text, i)
            if env and env.group(1) in VERBATIM_ENVIRONMENTS:
                close = text.find(f"\\end{{{env.group(1)}}}", env.end())
                i = len(text) if close < 0 else close + len(env.group(1)) + 6
                continue
        if word == "csname":  # \\csname lineartrue\\endcsname is \\lineartrue (review rv53 F19)
            named = _CSNAME.match(text, i)
            if named:
                i = named.end()
                yield named.group(1), m.start(), named.end()
                continue
        if word in ("verb",) and i < len(text) and text[i] not in " \n":
            close = text.find(text[i], i + 1)
            i = i + 1 if close < 0 else close + 1
            continue
        yield word, m.start(), m.end()


def _set(value, why: str, typeset: bool, depth: int, line: int) -> tuple:
    # A switch set where it may or may not run (in a group or a macro's body, in a branch symbp cannot decide) has
    # no known value after it.
    if not typeset:
        return None, f"it is set at line {line} in a branch whose condition symbp cannot tell"
    if depth > 0:
        return None, f"it is set at line {line} inside braces (a group or a macro's definition)"
    return value, why


def _value(word: str, switches: dict, text: str, end: int) -> tuple:
    if word == "iftrue":
        return True, "\\iftrue"
    if word == "iffalse":
        return False, "\\iffalse"
    if word in PRIMITIVES:
        return None, f"\\{word} is a test of TeX's that symbp does not evaluate"
    name = word[2:]
    if name in switches:
        return switches[name]
    if re.compile(r"\s*[{\[]").match(text, end):  # \ifthenelse{…}{…}{…}, \ifdef{…}: a macro with arguments
        return "not a conditional", ""
    return None, f"\\{word} is not declared with \\newif in these notes"


def _taken(o: _Open) -> bool:
    # the branch being read is typeset: the first of a true switch, the second of a false one
    return o.value is not None and len(o.branches) == (0 if o.value else 1)


def _math_spans(text: str, starts: list) -> list:
    zeros = [0] * len(starts)
    return [(a, b) for a, b, _ in _pair(text, _Lexer(text, "latex", starts, zeros, zeros).events(), starts, None,
                                        zeros)]


def _inside(spans: list, pos: int) -> bool:
    # the spans are in order and do not overlap: the last one starting before pos is the only candidate
    k = bisect.bisect_left(spans, (pos,)) - 1
    return k >= 0 and spans[k][0] < pos < spans[k][1]
