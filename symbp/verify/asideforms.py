r"""The forms an aside takes in notes: what an example, an exercise, a remark or a note, or a sentence about another
network, defines is not the notes' model (reviews rv52 A9–A11, rv53 F2, F3, F9, F11, F14).

* **Titles** (``run_in_headings``): a bold, italic or bold-italic title opening a line (``**Example.**``,
  ``***Example.***``, ``*Example.*``, ``__Example__``, ``<b>Example.</b>``, ``<strong>``, ``<i>``, ``<em>``), a quoted
  note (``> Note: …``) or a GitHub alert (``> [!NOTE]``, ``[!TIP]``, ``[!IMPORTANT]``, ``[!WARNING]``,
  ``[!CAUTION]``) to the end of the quote, LaTeX's ``\textbf{Example.}``, ``\noindent\textit{Example.}``,
  ``\emph{Example.}``, ``{\bf Example.}``, and an environment (``\begin{example} … \end{example}``, also one the notes
  declare with an example's title: ``\newtheorem{ex}{Example}``, ``\newtheorem*{rem}{Poznámka}``,
  ``\declaretheorem[name=Example]{ex}``) are made headings of their own lines, so that ``reachwords`` keeps what they
  define to them as under a heading "Example".
* **Sentences** (``sentence_asides``): a sentence that gives an example ("For example, take …", "For instance",
  "e.g.", "Example: …"; například, pro příklad, например, na przykład, przykładowo), speaks of another network ("A
  second network uses …", "Consider a different network", "The other network has …"; jiná síť, другая сеть, inna
  sieć) or reports others' practice ("Students sometimes take …", "Some books take …", "Many authors use", "In some
  texts"; někteří autoři, некоторые авторы, niektórzy autorzy) is an aside from its start to the end of its paragraph.
* **General words** (``GENERAL``): a claim inside an aside whose sentence says it is general ("In general", "for any
  activation", "for the network of these notes"; obecně, в общем случае, w ogólności) is not the example's claim
  alone: ``reachwords`` reads it with and without the aside's definitions.

>>> [s for _, _, s in sentence_asides("We use $C$.\n\nFor example, take $x$. Then $y$.\n\nMain.")]
['For example, take $x$.']
>>> run_in_headings("<b>Example.</b> Take $x$.").split("**")[1]
'Example.'
"""

from __future__ import annotations

import re

from .sentences import masked, sentences

#: A heading or a run-in title that opens an example, an exercise, a remark or a note: what it defines is its own
#: (review rv52 A10, A11), unless it heads the whole text (``# Cvičení`` over a sheet of exercises).
EXAMPLE = re.compile(
    r"^\W*(?:examples?|exercises?|remarks?|notes?|p[řr][íi]klad\w*|cvi[čc]en[íi]\w*|[úu]loh\w*|pozn[áa]mk\w*"
    r"|пример\w*|упражнени\w*|задач\w*|замечани\w*|примечани\w*|przyk[łl]ad\w*|[ćc]wiczeni\w*|zadani\w*"
    r"|uwag\w*|illustrations?)\b", re.I)
#: A bold title opening a line (``**Example.** Take …``, ``> **Note:**``) or a quoted note (``> Note: …``): read as a
#: heading by ``reachwords.settle``, so what an example or a note defines is kept to it as under a heading "Example".
_RUN_IN = re.compile(r"^[ \t]*(?:>[ \t]*)?(?:\*\*(?P<bold>[^*\n]{1,60})\*\*|__(?P<under>[^_\n]{1,60})__"
                     r"|\*(?=\S)(?P<it>[^*\n]{1,60}?)(?<=\S)\*|(?P<quoted>(?<=>)[ \t]*[^\W\d_]+:))", re.M)
#: Titles in other dress, made headings only when their words say example, remark, note, …: bold italic
#: (``***Example.***``, ``**_Example._**``), HTML (``<b>Example.</b>``), LaTeX (``\textbf{Example.}``,
#: ``\noindent\textit{Example.}``, ``{\bf Example.}``), a GitHub alert (``> [!NOTE]``).
_DRESSED = re.compile(
    r"^[ \t]*(?:>[ \t]*)?(?:[*_]{1,3}(?=[^\s*_])(?P<em>[^*_\n]{1,60}?)(?<=[^\s*_])[*_]{1,3}(?![*_])"
    r"|<(?P<tag>b|strong|i|em|u)>[ \t]*(?P<html>[^<\n]{1,60}?)[ \t]*</(?P=tag)>"
    r"|(?:\\noindent\b[ \t]*)?(?:\\(?:textbf|textit|emph|textsc|textsl|underline|textup)[ \t]*\{[ \t]*"
    r"|\{[ \t]*\\(?:bf|it|em|sc|sl|bfseries|itshape|scshape)\b[ \t]*)+(?P<tex>[^{}\\\n]{1,60}?)[ \t]*\}+)", re.M)
_ALERT = re.compile(r"^[ \t]*>[ \t]*\[!(?P<alert>note|tip|important|warning|caution)\][ \t]*", re.I | re.M)
#: Environments that are asides whatever the notes declare.
_ENVS = ("example", "examples", "exercise", "exercises", "remark", "remarks", "note", "notes", "p[řr][íi]klad",
         "cvi[čc]en[íi]", "pozn[áa]mka", "пример", "упражнение", "замечание", "przyk[łl]ad", "[ćc]wiczenie", "uwaga")
#: ``\newtheorem{ex}{Example}`` (also starred, with a counter in brackets) and thmtools' ``\declaretheorem``.
_NEWTHEOREM = re.compile(r"\\newtheorem\*?\s*\{\s*(?P<name>[^{}\s]+)\s*\}\s*(?:\[[^\]]*\]\s*)?\{(?P<title>[^{}]*)\}"
                         r"|\\declaretheorem\s*\[(?P<opts>[^\]]*)\]\s*\{\s*(?P<dname>[^{}\s]+)\s*\}")
#: ``\begin``/``\end`` of an environment that is not mathematics (``sentences.FORMULA`` takes every environment for a
#: formula: ``\begin{document} … \end{document}`` made the whole document one sentence).
_PROSE_ENV = re.compile(r"\\(?:begin|end)\s*\{(?!(?:equation|align|gather|multline|eqnarray|displaymath|math|flalign"
                        r"|alignat|split|aligned|gathered|alignedat|cases|d?array|[pbvBV]?matrix|smallmatrix"
                        r"|subequations)\*?\})[^{}\n]*\}")
#: A heading that says its section is an aside: "Aside: comparison", "Digression", "Remark: for comparison",
#: "Comparison with …" (cs/ru/pl). A definition there is the aside's, not the notes' (review 22 F15).
ASIDE_TITLE = re.compile(
    r"\b(?:aside|digression|excursus|side\s*note|comparison|compare\w*)\b"
    r"|\b(?:odbo[čc]k\w*|vsuvk\w*|exkurz\w*|srovn[aá]n\w*|porovn[aá]n\w*)\b"
    r"|\b(?:отступлени\w*|экскурс\w*|сравнени\w*|сравним)\b"
    r"|\b(?:dygresj\w*|ekskurs\w*|por[óo]wna\w*|na\s+marginesie)\b", re.I)
#: What ``run_in_headings`` puts before a title it makes a heading.
RUN_IN_HEAD = "#### **"

#: A sentence that is an aside: an example, another network, others' practice (en/cs/ru/pl).
_SENTENCE = re.compile(
    r"\bfor\s+(?:example|instance)\b|\be\.\s?g\.|(?<!training\s)(?<!input\s)\bexample\b|\bas\s+an\s+illustration\b"
    r"|^\W*examples?\b|\bnapř(?:íklad\b|\.)|\bpro\s+příklad\b|\bpříklad(?:u|ě|em)?\b|\bнаприм\w*|\bк\s+примеру\b"
    r"|\bпример(?:е|а|ом)?\b|\bna\s+przykład\b|\bprzykładowo\b|\bnp\.|\bprzykład(?:zie|u|em)?\b"
    # another network (not "the other layers": a network, a model, an architecture)
    r"|\b(?:other|another|second|different|alternative|separate|third)[\s,]+(?:\w+[\s,]+)?(?:network|net|model"
    r"|architecture|perceptron|classifier)s?\b"
    r"|\b(?:jin|druh|odlišn|třet)\w*\s+(?:sí[tť]\w*|model\w*)|\b(?:друг|втор|ин|треть)\w*\s+(?:сет\w*|модел\w*)"
    r"|\b(?:inn|drug|trzeci)\w*\s+(?:sie[ćc]\w*|model\w*)"
    # a kind of network, not the notes' own: "In a linear network the activation is …" (rv53 o4)
    r"|\b(?:in|for|with)\s+an?\s+(?!given\b|single\b)\w+\s+(?:network|net|perceptron)\b"
    r"|\b(?:v|ve|pro)\s+lineární\w*\s+sí\w*|\b(?:в|для)\s+линейн\w*\s+сет\w*|\b(?:w|dla)\s+(?:sieci\s+liniowej|liniowej\s+sieci)"
    # others' practice: "Some books take", "Students sometimes take", "Many authors use", "In some texts"
    r"|\b(?:some|many|most|several|other|certain)\s+(?:\w+\s+)?(?:books?|textbooks?|texts|authors?|references"
    r"|papers|sources|courses|lecturers|people|practitioners|implementations|libraries|students)\b"
    r"|^\W*(?:students|authors|people|practitioners|others|textbooks|books)\b|\bstudents\s+(?:sometimes|often|may)\b"
    r"|\bněkte\w*\s+(?:\w+\s+)?(?:autoř|autor|kni|text|učebnic|student|kurz)|\bmnoh\w*\s+(?:autor|kni|text|učebnic)"
    r"|\bstudenti\s+(?:někdy|často)|\bнекотор\w*\s+(?:\w+\s+)?(?:автор|книг|учебник|текст|студент|курс)"
    r"|\bмноги\w*\s+(?:автор|книг|учебник)|\bстуденты\s+(?:иногда|часто)"
    r"|\bniektó\w*\s+(?:\w+\s+)?(?:autor|książ|podręcznik|tekst|student|kurs)|\bwiel\w*\s+(?:autor|książ|podręcznik)"
    r"|\bstudenci\s+(?:czasem|czasami|często)", re.I)
#: Words of a claim that say it is general, not the example's: "in general", "for any activation", "for the network
#: of these notes" (en/cs/ru/pl).
GENERAL = re.compile(
    r"\bin\s+general\b|\bgeneral(?:ly)?\b|\bfor\s+(?:any|every|all|each|arbitrary|an\s+arbitrary)\b|\bwhatever\b"
    r"|\bregardless\b|\bthese\s+notes\b|\bour\s+(?:own\s+)?(?:network|model)\b|\balways\b"
    r"|\bobecn\w*|\blibovoln\w*|\bjakýkoli\w*|\bjakékoli\w*|\bkažd\w*|\bvždy\b|\bv\s+těchto\s+poznámkách\b"
    r"|\bв\s+общем\b|\bобщ\w*\s+случа\w*|\bлюб\w*|\bпроизвольн\w*|\bвсегда\b|\bв\s+этих\s+(?:заметках|записях)"
    r"|\bw\s+ogóln\w*|\bogóln\w*|\bdowoln\w*|\bzawsze\b|\bw\s+tych\s+notatkach\b", re.I)
_BLANK = re.compile(r"\n[ \t]*\n")


def _envs(text: str) -> "tuple[re.Pattern, dict]":
    """(``\\begin``/``\\end`` of an aside environment: the fixed ones and those the notes declare with the title of
    an example, exercise, remark or note; the declared name → its title)."""
    names, titles = list(_ENVS), {}
    for m in _NEWTHEOREM.finditer(text):
        name, title = m.group("name"), m.group("title")
        if m.group("opts") is not None:
            found = re.search(r"\bname\s*=\s*\{?([^,}\]]*)", m.group("opts"))
            name, title = m.group("dname"), found.group(1) if found else m.group("dname")
        if EXAMPLE.search(title.strip()) or EXAMPLE.search(name):
            names.append(re.escape(name))
            titles[name] = title.strip() if EXAMPLE.search(title.strip()) else name
    return re.compile(r"\\(begin|end)\s*\{(" + "|".join(names) + r")\*?\}", re.I), titles


def _title(line: str) -> "tuple[str, int, bool] | None":
    """(the words of a run-in title opening ``line``, where they end, whether it is a quote) or None."""
    m = _ALERT.match(line)
    if m is not None:
        return "Note (" + m.group("alert").lower() + ")", m.end(), True
    m = _RUN_IN.match(line)
    if m is not None:
        words = m.group("bold") or m.group("under") or m.group("it") or m.group("quoted")
        return words.strip("*_ ") or words, m.end(), line.lstrip().startswith(">")  # **_Example._**
    m = _DRESSED.match(line)
    if m is not None:
        words = m.group("em") or m.group("html") or m.group("tex")
        if EXAMPLE.search(words.strip("*_ ")):
            return words, m.end(), line.lstrip().startswith(">")
    return None


def run_in_headings(text: str) -> str:
    """``text`` with each run-in title made a heading of its own line, and the first line after a quoted note or an
    aside environment a heading too (where it ends), every line where it was: for ``reachwords.settle``'s sections
    only."""
    lines = text.split("\n")
    quoted = ended = False
    envs, titles = _envs(text)
    for i, line in enumerate(lines):
        title = _title(line)
        env = envs.search(line)
        if env is not None and env.group(1) == "begin":
            lines[i] = RUN_IN_HEAD + titles.get(env.group(2), env.group(2)) + "**" + line[env.end():]
            # "\begin{ex} Take … \end{ex}" on one line: it ends there too
            ended = envs.search(line, env.end()) is not None
        elif env is not None:
            ended = True  # the section of the environment ends at the next line with words
        elif title is not None:
            lines[i] = RUN_IN_HEAD + title[0].strip() + "**" + line[title[1]:]
            quoted = title[2]
        elif (quoted and line.strip() and not line.lstrip().startswith(">")) or (ended and line.strip()):
            lines[i], quoted, ended = "#### " + line, False, False
    # an environment of prose (document, itemize, an example's end) is no formula: blanked, its words stay sentences
    return _PROSE_ENV.sub(lambda m: " " * len(m.group(0)), "\n".join(lines))


def sentence_asides(text: str, heads: "list | None" = None) -> list:
    """[(start, end, words)]: each sentence of ``text`` that is an aside (``_SENTENCE``), from its start to the end
    of its paragraph (a blank line, or one of the positions ``heads``)."""
    out: list = []
    for a, b in sentences(text):
        for h in heads or ():  # a heading is no sentence ("# Example: …" runs on into the next one): after it
            h += len(text[h:h + 200]) - len(text[h:h + 200].lstrip())  # its match may start on the blank line before
            if a <= h < b:
                cut = text.find("**", h + len(RUN_IN_HEAD)) + 2 if text.startswith(RUN_IN_HEAD, h) else text.find("\n", h) + 1
                a = max(a, cut if cut > h else b)
        if (out and a < out[-1][1]) or a >= b:
            continue
        words = masked(text[a:b])
        if _SENTENCE.search(words) is None:
            continue
        blank = _BLANK.search(text, b)
        end = blank.start() + 1 if blank is not None else len(text)  # the blank line after the paragraph
        end = min([end] + [h for h in heads or () if b <= h < end])
        out.append((a, max(end, b), " ".join(text[a:b].split())))
    return out


__all__ = ["ASIDE_TITLE", "EXAMPLE", "GENERAL", "RUN_IN_HEAD", "run_in_headings", "sentence_asides"]
