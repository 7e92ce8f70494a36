r"""The words that deny a formula in notes: the phrases ``negation`` looks for before and after a formula.

Word lists only (regular expressions, no logic); what they mean and how they are used is ``negation``'s concern.
English, Czech, Russian and Polish. Each list is closed: a phrase not here is not read.

>>> bool(FALSE_BEFORE.search("It is not true that $")), bool(FALSE_AFTER.search(" does not hold."))
(True, True)
"""

from __future__ import annotations

import re

#: Between the words and the formula: a display's or an inline formula's opening delimiter, spaces, the end of a
#: bold label ("**Myth:** $$…$$").
_OPENER = r"(?:\s|\$|\\\[|\\\(|\*\*|__|\\begin\s*\{[A-Za-z*]+\}(?:\s*\{[^{}]*\})*)*"
#: After the words: "that" (že, что, że) as part of them, then commas, colons and dashes.
_THAT = r"(?:\s*,?\s*(?:that|že|что|że)(?!\w))?)(?:\s*[,:—–-])*"

#: Words that may stand between the parts of a phrase that calls a formula a mistake, at most two of them: who
#: makes the mistake or where ("a common mistake *for beginners* is to write", "a frequent error *in exams* is";
#: "častou chybou *začátečníků* je", "частая ошибка *новичков* —", "częstym błędem *początkujących* jest"). A closed
#: list: a condition ("a common mistake *for hidden layers*") or another noun ("a common error *function* is", the
#: error δ of a neuron) is not among them, and the phrase is then not read (the formula is judged as written).
_WHO = (r"(?:the\s+)?(?:many\s+|most\s+|some\s+|new\s+|first-year\s+)?(?:beginners|students|novices|newcomers|learners|readers"
        r"|people|practitioners|programmers|textbooks)")
_ONE_FILLER = (r"\s+(?:(?:of|for|by|among|from)\s+" + _WHO + r"|(?:made|committed)\s+by\s+" + _WHO
               + r"|(?:that\s+|which\s+)?" + _WHO + r"\s+(?:often\s+|frequently\s+|usually\s+)?(?:make|commit)"
               r"|(?:in|on)\s+(?:the\s+)?(?:exams?|homeworks?|assignments?|tests|quizzes|practice|literature|code)"
               r"|začátečníků|studentů|nováčků|studujících|čtenářů|(?:u|při|v|ve|na)\s+(?:zkoušk\w*|písemk\w*|test\w*|praxi)"
               r"|новичков|студентов|начинающих|учащихся|(?:на|в)\s+(?:экзамен\w*|контрольн\w*|практике)"
               r"|początkujących|studentów|nowicjuszy|uczniów|(?:na|w|podczas)\s+(?:egzamin\w*|kolokwi\w*|praktyce)"
               r")")
_FILLER = "(?:" + _ONE_FILLER + "){0,2}"
#: "A common (typical, frequent, …) mistake", "the most common error".
_COMMON = (r"\b(?:(?:very|quite|most|rather)\s+)?(?:common|typical|frequent|classic|usual)\s+"
           # "a typical student error:", "a common beginner's mistake" (review 31 F4)
           r"(?:(?:student|beginner|novice|newcomer)(?:s['’]?|['’]s)?\s+)?")
#: "Students often wrongly write", "one might mistakenly claim that": an adverb that calls what is written a mistake.
_WRONGLY = r"\b(?:wrongly|mistakenly|incorrectly|erroneously|falsely)\s+"
#: What may follow "to write" before the formula: "a common mistake is to write the update (as) $$…$$".
_OBJECT = (r"(?:\s+(?:the|this|an?)\s+(?:update(?:\s+rule)?|rule|formula|equation|identity|gradient|derivative"
           r"|step)(?:\s+as)?)?")
#: Words before the formula that call it false or a mistake (they end where it starts).
FALSE_BEFORE = re.compile(
    r"(?P<w>(?:"
    r"\bit(?:['’]s|\s+is|\s+was),?(?:\s+(?:however|unfortunately|of\s+course|certainly|clearly|obviously),?)?"
    r"\s+(?:not\s+(?:(?:always|generally|necessarily|in\s+general)\s+)?true(?:\s+in\s+general)?|false|untrue"
    r"|not\s+the\s+case|incorrect|wrong|not\s+correct)"
    r"(?:\s+to\s+(?:write|say|claim|think|believe))?"
    r"|\bit\s+(?:isn['’]t|wasn['’]t)\s+(?:(?:always|generally|necessarily)\s+)?(?:true|the\s+case|correct)(?:\s+in\s+general)?"
    # "It's a myth that", "A common misconception is that", "You cannot claim that" (review issue 12)
    r"|\bit(?:['’]s|\s+is)\s+an?\s+(?:(?:common|popular|widespread|persistent)\s+)?(?:myth|misconception|fallacy)"
    r"|\b(?:(?:common|typical|frequent|popular|widespread|persistent)\s+)?misconception" + _FILLER + r"(?:\s+is|\s*(?=:))"
    r"|\b(?:you|we|one)\s+(?:cannot|can['’]t|can\s+not|must\s+not|mustn['’]t)\s+(?:claim|say|write)"  # not "conclude" (issue 14: doubtwords)
    r"|\b(?:wrongly|mistakenly|incorrectly|erroneously|falsely),\s+(?:(?:some|many|several|most|other)\s+)?(?:books"
    r"|textbooks|authors|students|texts|sources|people|slides|references|papers|tutorials)\s+(?:write|claim|state|say|give)"
    r"|\bavoid\s+(?:the\s+following|this|these)\s+(?:errors?|mistakes?|pitfalls?)\s*:"
    r"|\b(?:it\s+)?would\s+be\s+(?:wrong|incorrect|a\s+mistake)\s+to\s+(?:write" + _OBJECT + r"|say|claim|think|believe)"
    r"|" + _COMMON + r"(?:mistake|pitfall|slip|blunder)(?:\s+here)?" + _FILLER + r"(?:\s+is(?:\s+to\s+(?:write" + _OBJECT
    + r"|say|claim|think))?)?"
    r"|" + _COMMON + r"error(?:(?:" + _ONE_FILLER + r"){1,2}(?:\s+is(?:\s+to\s+(?:write" + _OBJECT + r"|say|claim"
    r"|think))?)?|\s+is\s+to\s+(?:write" + _OBJECT + r"|say|claim|think)|(?=\s*:))"  # not "the usual error is": δ, a loss
    r"|\bmistake(?:\s+here)?" + _FILLER + r"\s+is\s+to\s+(?:write" + _OBJECT + r"|say|claim|think)"
    r"|\bmistake(?:\s+is\s+to\s+(?:write|say|claim|think))?\s*:"
    r"|\b(?:wrong|incorrect|false|mistaken|erroneous)\s*:"
    # "Not true: …", "Untrue:", "Not correct:" (review guard5: "Not true: for $l = L$ we have $…$" held)
    r"|\b(?:not\s+(?:true|correct|valid)|untrue|invalid)\s*:"
    r"|\bit\s+(?:does\s+not|doesn['’]t|did\s+not|didn['’]t)\s+hold"
    # issue 14: "Avoid writing", "Never claim that", "By no means", "We disprove"; a label "Refuted:", "Fallacy:",
    # "Myth:", "Omyl:", "Заблуждение:", "Mylne przekonanie:"; "Je mylné se domnívat, že"
    r"|\bavoid\s+(?:writing|claiming|saying|thinking|believing)" + _OBJECT +
    r"|\bnever\s+(?:claim|say|state|think|believe|conclude)"
    r"|\bby\s+no\s+means(?:\s+(?:is\s+it\s+true|does\s+it\s+hold))?"
    r"|\b(?:we|let\s+us|let['’]s)\s+(?:now\s+)?disprove(?:\s+(?:the\s+)?(?:claim|statement|conjecture|identity|formula"
    r"|equation))?"
    r"|\b(?:refuted|disproved|debunked|fallacy|myth|omyl|заблуждение|mylne\s+przekonanie)\s*:"
    r"|\bje\s+(?:mylné|omyl(?:em)?)\s+(?:(?:se|si)\s+)?(?:domnívat|myslet|tvrdit|psát|věřit)(?:\s+si)?"
    # "A typo: $$…$$", "There is a typo:" (review rv42d 6); překlep, опечатка, literówka
    r"|\b(?:typo|misprint|překlep|опечатка|literówka|błąd\s+drukarski)\s*:"
    # "This formula is wrong:", "Tento vzorec je chybný:", "Эта формула неверна:", "Ten wzór jest błędny:" (review rv39)
    r"|\b(?:this|the\s+(?:next|following))\s+(?:formula|equation|identity)\s+is\s+(?:wrong|false|incorrect|not\s+(?:true|correct))\s*:"
    r"|\b(?:tento|následující)\s+(?:vzorec|vztah)\s+je\s+(?:chybný|špatný|nesprávný)\s*:"
    r"|\b(?:эта|следующая)\s+формула\s+(?:неверна|неправильна|ошибочна|ложна)\s*:"
    r"|\b(?:ten|następujący)\s+wzór\s+jest\s+(?:błędny|fałszywy|niepoprawny|nieprawdziwy|zły)\s*:"
    r"|\bthe\s+following(?:\s+(?:formula|equation|identity))?\s+is\s+(?:wrong|false|incorrect|not\s+true)\s*[.:]"
    r"|\b(?:to|toto)\s+je\s+chyba\s*:|\bto\s+jest\s+błąd\s*:|\bэто\s+ошибка\s*:"  # not "chyba:" alone: δ is "the error"
    r"|" + _WRONGLY + r"(?:write|writes|wrote|written|claim|claims|claimed|think|thinks|thought|believe|believes"
    r"|conclude|concludes|state|states|say|says)"
    r"|\b(?:do\s+not|don['’]t|never|must\s+not|should\s+not|shouldn['’]t)\s+write" + _OBJECT +
    r"|\bneplatí|\bnení\s+(?:(?:vždy|obecně|nutně)\s+)?pravda|\bnení\s+pravdou"
    r"|\bje\s+(?:chybou|chyba|chybné|nesprávné)\s+(?:psát|tvrdit|(?:si\s+)?myslet(?:\s+si)?|věřit)"
    r"|\b(?:častou|typickou|běžnou)\s+chybou" + _FILLER + r"\s+je(?:\s+(?:psát|napsat))?"
    r"|\b(?:častá|typická|běžná)\s+chyba" + _FILLER + r"(?:\s+je(?:\s+(?:psát|napsat))?)?"
    r"|\b(?:chybně|špatně|nesprávně)\s*:|\bnepište"
    r"|\b(?:chybně|špatně|nesprávně)\s+(?:je|by\s+bylo)(?:\s+(?:psát|napsat|tvrdit))?"  # "Špatně je $$…$$" (no colon)
    r"|\b(?:źle|błędnie|niepoprawnie)\s+(?:jest|byłoby)(?:\s+(?:pisać|napisać|twierdzić))?"
    r"|\b(?:chybně|mylně|nesprávně)\s+(?:píší|píšou|píše|psát|napsat|napíší|napíšou|tvrdí|uvádějí|uvádí)"
    r"|\b(?:chybně|mylně|nesprávně)\s+se\s+(?:tvrdí|píše|uvádí|říká)|\bnelze\s+(?:tvrdit|říci|říct)"  # issue 12
    r"|\bне\s*(?:(?:всегда|обязательно)\s+)?верно|\bнеправда|\bнеправильно(?:\s+(?:писать|считать))?|\bложно"
    r"|\bошибочно(?:\s+(?:писать|считать|утверждать))?"
    r"|\b(?:ошибочно|неверно|неправильно)\s+(?:пишут|пишет|записывают|считают|полагают|утверждают|думают"
    r"|думать|считать|полагать)"
    r"|\b(?:частая|типичная|распространённая|распространенная|грубая)\s+ошибка" + _FILLER
    + r"(?:\s*[—–-]?\s*(?:это\s+)?(?:писать|считать))?"
    r"|\b(?:частой|типичной|распространённой|распространенной|грубой)\s+ошибкой" + _FILLER
    + r"\s+является(?:\s+(?:писать|считать))?"
    r"|\bошибка\s*:|\bне\s+пишите"
    r"|\bне\s+(?:следует|стоит|надо|нужно)\s+(?:думать|считать|полагать|утверждать)|\bнельзя\s+(?:утверждать|считать"
    r"|сказать)"  # "Не следует думать, что", "Нельзя утверждать, что" (issue 12)
    r"|\bnie\s+(?:(?:zawsze|koniecznie)\s+)?jest\s+prawd(?:ą|a)|\bnieprawdą\s+jest|\bnieprawda|\bnie\s+jest\s+prawdziwe"
    r"|\b(?:częstym\s+|typowym\s+)?błędem" + _FILLER + r"\s+jest(?:\s+(?:pisać|pisanie|napisać|twierdzić|sądzić|myśleć|uważać))?"
    r"|\b(?:częsty|typowy|powszechny)\s+błąd" + _FILLER + r"(?:\s+(?:to|polega\s+na)(?:\s+(?:pisaniu|napisaniu))?|\s*(?=:))"
    r"|\bnie\s+(?:należy|można|wolno)\s+(?:myśleć|sądzić|twierdzić|uważać)"  # "Nie należy myśleć, że" (issue 12)
    r"|\b(?:błędnie|źle|niepoprawnie|nieprawidłowo)\s*:|\bnie\s+pisz(?:cie)?"
    r"|\b(?:błędnie|mylnie|niepoprawnie)\s+(?:piszą|pisze|pisać|napisać|zapisują|twierdzą|uważają|sądzą)"
    r")" + _THAT + _OPENER + r"$", re.I)
#: A prose condition between the words that call a formula false and the formula: "It is not true that *for $l = L$ we
#: have* $…$", "Neplatí, že *pro $l = L$ máme* $…$" (review guard5: the words were not read, the formula was judged
#: as if they were not there). ``negation`` reads the words before it.
PROSE_CONDITION = re.compile(
    r"(?<!\w)(?:for|if|when|whenever|in|at|pro|pokud|když|jestliže|v|ve|na|для|если|при|в|на|dla|gdy|jeśli|jeżeli|przy|w)"
    # the condition: a formula ($l = L$), or a few words ("for the output layer", not read: ``negation`` leaves the
    # denial 'qualified' by them)
    r"(?:\s*\$[^$]+\$|(?:\s+[^\s$.;:!?]+){1,6}?(?=[\s,:]*(?:then|we|one|it|holds|dostaneme|dostáváme|máme|platí|je"
    r"|получаем|имеем|выполняется|mamy|otrzymujemy|zachodzi|jest)(?!\w)|\s*,))"
    r"[\s,:]*(?:(?:then|we\s+(?:get|have|obtain|find)|one\s+(?:gets|has)|it\s+holds(?:\s+that)?|holds|dostaneme"
    r"|dostáváme|máme|platí|je|получаем|имеем|выполняется|mamy|otrzymujemy|zachodzi|jest)(?!\w)[\s,:]*)*"
    + _OPENER + r"$", re.I)
#: A negation right before the words that call a formula a mistake turns them round ("This is not a common mistake:",
#: "never wrongly write"): they are not read, the formula is judged as written. So does a contrast right before them,
#: "Contrary to a common mistake, $$…$$", "Unlike the typical error:" (the formula is the notes' correction; review
#: rv48 A1), "Contrary to what students wrongly write,": only the preposition and an article, or "what" and at most
#: three words, no comma: not "Contrary to what one might think, it is not true that".
NOT_BEFORE = re.compile(r"(?:\b(?:not|never|no|nobody|none|hardly|nikdo|nikt|никто|není|nie|не|нет|nikdy|nigdy|никогда)|n['’]t)\W+(?:\w+\W+){0,2}$"
                        r"|\b(?:contrary\s+to|unlike|in\s+contrast\s+(?:to|with)|as\s+opposed\s+to)\s+(?:(?:a|an|the|this|that)\s+"
                        r"|what(?:\s+\w+){0,3}\s+)?$",
                        re.I)
#: A sentence of its own right after a display, about it (review 22 F13): "This is incorrect.", "(wrong!)"; cs "To je
#: špatně.", "Tento vzorec neplatí."; ru "Это неверно.", "Эта формула неверна."; pl "To nie jest prawda.", "Ten wzór jest
#: błędny." (review rv39, A1: the Russian and Polish ones were not read, so a true formula the notes deny held).
_OWN_SENTENCE = (
    r"(?:(?:this|that|it|the\s+(?:formula|equation|identity))(?:\s+(?:above|formula|equation))?\s+(?:is\s+(?:false|wrong"
    r"|incorrect|untrue|not\s+true|not\s+correct|an?\s+(?:(?:common|typical|frequent|classic)\s+)?(?:mistake|typo|error))"
    r"|does\s+not\s+hold|doesn['’]t\s+hold)"
    r"|\(\s*(?:wrong|false|incorrect)\s*!?\s*\)|tak\s+(?:to\s+)?není|tak\s+nie\s+jest|так\s+нельзя|так\s+неверно"
    r"|(?:to|tento\s+(?:vzorec|vztah|zápis)|tato\s+(?:rovnost|rovnice))\s+(?:neplatí|není\s+pravda|je\s+(?:chybn|nesprávn|špatn)\w*)"
    r"|(?:это|эта\s+(?:формула|запись)|это\s+(?:равенство|соотношение))\s+(?:не\s*верн\w*|неправильн\w*|ложн\w*|ошибочн\w*"
    r"|не\s+выполняется|ошибка)"
    r"|(?:to|ten\s+(?:wzór|zapis)|ta\s+(?:równość|formuła))\s+(?:nie\s+jest\s+prawd[aą]|nie\s+jest\s+prawdziw\w*|nie\s+zachodzi"
    r"|jest\s+(?:błędn|fałszyw|niepoprawn|nieprawdziw|zł|źle)\w*))")
#: The same as the next sentence after an inline formula that ends its sentence: "We could write $…$. This is
#: incorrect." (review rv40 B6), the sentence ending there.
OWN_NEXT = re.compile(r"^\s*\.\s*(?P<w>" + _OWN_SENTENCE + r")[ \t]*[.!](?:\s|\Z)", re.I)
#: The same, alone in the paragraph after a display: "$$…$$⏎⏎This is incorrect." (review rv39, B2).
OWN_PARAGRAPH = re.compile(r"^[\s.,;]*\n[ \t]*\n\s*(?P<w>" + _OWN_SENTENCE + r")[\s.!]*(?:\n[ \t]*\n|\Z)", re.I)
#: The same opening a longer sentence there: "$$…$$⏎⏎This is incorrect for the output layer." (review guard5: the
#: formula held; the notes deny it under words not read, ``c``, so it is not judged).
#: What goes on is a condition, a comma or a dash: not "It is wrong *to drop the factor*", "It is not true *that the cost
#: is negative*", which say something else is wrong.
_GOES_ON = (r"(?=\s*[,—–(]|\s+(?:for|in|at|on|when|whenever|if|unless|except|as|because|since|pro|v|ve|na|při|když|pokud"
            r"|kromě|для|в|на|при|когда|если|кроме|dla|w|przy|gdy|jeśli|jeżeli|oprócz)(?!\w))")
OWN_PARAGRAPH_LONGER = re.compile(r"^[\s.,;]*\n[ \t]*\n\s*(?P<w>" + _OWN_SENTENCE + r")(?!\w)" + _GOES_ON
                                  + r"(?P<c>[^.!?]*?(?:\n(?![ \t]*\n)[^.!?\n]*?)*)[.!?](?:\s|\Z)", re.I)
#: … and after an inline formula that ends its sentence: "We could write $…$. This is incorrect for hidden layers."
OWN_NEXT_LONGER = re.compile(r"^\s*\.\s*(?P<w>" + _OWN_SENTENCE + r")(?!\w)" + _GOES_ON + r"(?P<c>[^.!?\n]*?)[.!?](?:\s|\Z)",
                             re.I)
#: Words right after the formula that call it false: "$x_1 = x_2$ does not hold", "… fails in general".
FALSE_AFTER = re.compile(
    r"^(?:\s|\$|\\\]|\\\)|\\end\s*\{[A-Za-z*]+\}|,|[—–]\s)*"
    r"(?:(?:in\s+general|generally|obecně|в\s+общем\s+случае|w\s+ogólności)\s+)?"
    # "is not always true", "does not always hold": a denial of generality (``negation`` makes it qualified; review rv40 A2)
    r"(?P<w>(?:is|are)\s+not\s+(?:always|necessarily|generally)\s+(?:true|valid|correct)|(?:isn['’]t|aren['’]t)\s+always\s+(?:true|valid)"
    r"|(?:does|do)\s+not\s+(?:always|necessarily)\s+hold|(?:doesn['’]t|don['’]t)\s+(?:always|necessarily)\s+hold"
    r"|neplatí\s+vždy|není\s+vždy\s+pravda|не\s+всегда\s+(?:верно|верна|выполняется)|nie\s+zawsze\s+(?:jest\s+prawd\w*|zachodzi)"
    # "need not hold", "can fail", "holds only sometimes", "is only occasionally true" (review rv41 A10)
    r"|(?:need|needs)\s+not\s+(?:hold|be\s+true)|(?:can|may)\s+fail|(?:holds|is\s+true)\s+only\s+(?:sometimes|occasionally)"
    r"|is\s+only\s+(?:sometimes|occasionally)\s+(?:true|valid)"
    r"|(?:is|are)\s+(?:(?:also|equally|likewise)\s+)?(?:false|wrong|incorrect|untrue|not\s+true|not\s+correct|invalid|not\s+valid"
    r"|erroneous|mistaken|fallacious|an?\s+(?:common\s+|typical\s+)?(?:mistake|error))"
    # issue 14: "is a fallacy", "cannot hold", "is violated", "is not what one gets"; "je omyl", "является ошибкой",
    # "jest błędem" (error δ in Russian and Polish: only at the end of the sentence), "неверна"
    r"|(?:is|are)\s+an?\s+(?:(?:common|popular|typical|widespread)\s+)?(?:fallacy|myth|misconception)"
    r"|(?:cannot|can['’]t|can\s+not)\s+(?:possibly\s+)?(?:hold|be\s+(?:true|right|correct|valid))|(?:is|are)\s+violated"
    r"|(?:is|are)\s+not\s+what\s+(?:one|we|you)\s+(?:gets?|obtains?|finds?|has|have)"
    r"|(?:je|to\s+je)\s+(?:omyl|myln\w*)|(?:является|есть)\s+(?:ошибкой|заблуждением)(?=\s*[.!;]?\s*$)"
    r"|jest\s+(?:błędem|myln\w*)(?=\s*[.!;]?\s*$)|(?:неверн|неправильн|ошибочн)[аы]"
    r"|(?:isn['’]t|aren['’]t)\s+(?:(?:also|either)\s+)?(?:true|correct|valid)"
    r"|(?:,\s*)?(?:but|yet|however),?\s+(?:this|that|it)\s+(?:is\s+(?:false|wrong|incorrect|untrue|not\s+true|not\s+correct|a\s+mistake)"
    r"|isn['’]t\s+(?:true|correct))|(?:,\s*)?which\s+is\s+(?:false|wrong|incorrect|untrue|not\s+true|not\s+correct|a\s+mistake)"
    # the same in Czech, Russian, Polish: "…, ale to je špatně", "…, но это неверно", "…, ale to jest błędne" (rv42d 6)
    r"|(?:ale|avšak|však)\s+(?:to|tohle|toto)\s+(?:je\s+(?:špatně|chybně|nesprávně|chybn\w*|nesprávn\w*|špatn\w*|omyl"
    r"|chyba)|není\s+(?:pravda|správně|správn\w*)|neplatí)"
    r"|(?:но|однако)\s+(?:это|так)\s+(?:неверно|не\s+верно|неправильно|ошибочно|ложно|ошибка|не\s+так)"
    r"|(?:ale|lecz|jednak)\s+(?:to|tak)\s+(?:jest\s+(?:błędn\w*|źle|fałszyw\w*|niepoprawn\w*|nieprawd\w*|błąd)"
    r"|nie\s+jest\s+(?:prawdą|prawdziwe|poprawne)|nie\s+zachodzi)"
    r"|(?:does\s+not|doesn['’]t|do\s+not|don['’]t)\s+hold|fails\b"
    # a formula that cannot be formed, said so (review 23 b06): "does not even type-check", "is ill-formed"
    r"|(?:does\s+not|doesn['’]t|do\s+not|don['’]t)\s+(?:even\s+)?(?:type[-\s]?check|make\s+sense)"
    r"|(?:is|are)\s+(?:ill[-\s](?:formed|typed|defined)|not\s+(?:even\s+)?well[-\s](?:formed|typed|defined))"
    r"|" + _OWN_SENTENCE +
    r"|neplatí|není\s+pravda|je\s+(?:chybn|nesprávn|špatn)\w*"
    r"|неверно|не\s+верно|не\s+выполняется|неправильно|ложно"
    r"|nie\s+zachodzi|nie\s+jest\s+prawdą|jest\s+(?:fałszyw|błędn|nieprawdziw|niepoprawn)\w*)(?!\w)"
    # not words that open a denial of the next formula: "$A$ and $B$, but it is not true that $C$" (review rv42 1)
    r"(?!\s*,?\s*(?:that(?!\s+is\b)|že|что|że)(?!\w))", re.I)
#: A condition before the words (other math, "for", "when", "if", …): "For $j \neq k$ it is wrong that $…$" denies
#: the formula only under it, which is not read, so the formula is not taken as negated (it is judged as written).
#: "This corrects a common mistake: $$…$$" is the mistake or its correction, not said: qualified too (review rv48 A1).
QUALIFIED = re.compile(r"\$|\\\(|\b(?:for|when|whenever|if|unless|where|only|except|provided|corrects|corrected|correcting"
                        r"|pro|když|pokud|jestliže"
                        r"|jen|если|при|для|когда|только|dla|gdy|jeśli|jeżeli|tylko)\b", re.I)
#: Words in the clause before that report a belief, a guess or a question rather than the notes' own word: "Students
#: often think that $$…$$ is wrong", "One might suspect that it is not true that", "We ask whether $$…$$ is false".
#: "May", "might", "could" and "может" report a guess ("one might suppose that"), not when a verb of showing
#: follows: "One may show that $$…$$ does not hold", "it can be verified", "может быть показано" are the notes' own
#: word (before: they were read as a guess, and the formula the notes call false was judged as if they claimed it).
_SHOWN = (r"(?:\s+(?:also|easily|readily|directly|now|then|further|quickly|immediately))?(?:\s+be)?\s+(?:show|shown"
          r"|prove|proved|proven|verif\w*|check\w*|see|seen|note|noted|confirm\w*|comput\w*|deriv\w*|deduc\w*"
          r"|conclud\w*|demonstrat\w*|observ\w*|calculat\w*|establish\w*)\b")
REPORTED = re.compile(r"\b(?:think|thinks|thought|believe|believes|believed|feel|feels|suspect|suspects|expect"
                       r"|expects|guess|imagine|wonder|wonders|ask|asks|whether|tempted|(?:might|may|could)(?!" + _SHOWN
                       + r")|would|seem"
                       r"|seems|seemed|appear|appears|myslí|věří|zdá|zda|zdali|jestli|думают|думает|считают|считает"
                       r"|кажется|подума\w*|pomyśl\w*|pomysl\w*|может(?!\s+быть\s+(?:показан|доказан|проверен|получен)\w*)|ли|myślą|myśli|sądzą"
                       r"|uważają|wydaje|czy)\b", re.I)
#: An adverb that is the notes' own judgement even in a reported belief: "One might *mistakenly* claim that".
ADVERB = re.compile(r"(?:wrongly|mistakenly|incorrectly|erroneously|falsely|chybně|mylně|nesprávně|ошибочно|неверно"
                     r"|неправильно|błędnie|mylnie|niepoprawnie)\s", re.I)
#: A negation in the clause before words after the formula: "We cannot say that $$…$$ is false" states nothing.
NEGATION = re.compile(r"\b(?:not|never|no|cannot|nobody|hardly|ne|není|nelze|nikdy|не|нельзя|никогда|nie|nigdy)\b"
                       r"|n['’]t\b", re.I)
#: Where a clause of the lead ends: "The matrix need not be symmetric ($w_{12} = w_{21}$ fails in general)".
#: An opener "Contrary to what one might think," closes its clause: its "might" reports no belief of the words after
#: it ("…, it is not true that X" denies X; review mistake6: X was read as asserted, and a true X the notes deny held).
LEAD_CLAUSE = re.compile(r"[(;:]|\b(?:but|however|yet|ale|však|но|однако|lecz|jednak)\b"
                         r"|\b(?:contrary\s+to|unlike|despite|against)\s+what\b[^,.;!?]*,", re.I)

#: Where the words after a formula turn to another one: "Wrong: $$…$$ right: $$…$$", "Do not write $$…$$ but $$…$$".
CONTRAST = re.compile(r"\b(?:but|instead|rather|whereas|ale|nýbrž|но|lecz|natomiast)\b"
                       # "The correct one is $$…$$" (review rv42 7)
                       r"|\b(?:the\s+)?(?:correct|right)\s+(?:one|formula|version|form|equation|identity|expression)\s+(?:is|reads)\b"
                       r"|\bsprávn\w*\s+(?:vzorec|vztah|tvar)\b|\bправильн\w*\s+(?:формула|вариант)\b"
                       r"|\bpoprawn\w*\s+(?:wzór|postać|wersja)\b"
                       r"|\b(?:right|correct|správně|правильно|poprawnie)\s*:"
                       r"|\b(?:správně|dobře)\s+je\b|\b(?:poprawnie|dobrze)\s+jest\b|\bправильно\s+(?:так|будет)\b", re.I)
#: All that may follow the words that call a formula false, to the end of its sentence: "in general", punctuation.
PLAIN_TAIL = re.compile(r"[\s,)]*(?:(?:in\s+general|generally|too|as\s+well|also|either|obecně|také|в\s+общем\s+случае|тоже"
                         r"|также|w\s+ogólności|też|również)[\s,)]*)?"
                         r"[.!;)]*\s*$", re.I)
#: Words ending in a colon that call what follows wrong when they stand alone ("Wrong:"), and what else they may
#: call wrong when a subject stands before them in the sentence ("Slide 12 is wrong:", ``PLAIN_SUBJECT``).
COLON_JUDGED = re.compile(r"(?:wrong|incorrect|false|mistaken|erroneous|mistake|typo|misprint|překlep|опечатка|literówka"
                          r"|refuted|disproved|debunked|fallacy|myth|omyl|заблуждение|mylne\s+przekonanie"
                          r"|błąd\s+drukarski|chybně|špatně|nesprávně|ошибка"
                          r"|błędnie|źle|niepoprawnie|nieprawidłowo)\s*:", re.I)
#: The only subjects before such words that name the formula after them: none, "The following (formula) is" (a bold
#: label's opening "**" before them).
PLAIN_SUBJECT = re.compile(r"\s*(?:\*\*|__)?\s*(?:(?:the\s+following|(?:also|here|again|so),?)(?:\s+(?:formula|equation|identity|step"
                           r"|rule|update|claim|statement|expression|line))?(?:\s+(?:is|was|are|were))?\s+(?:a\s+)?"
                           r"|(?:there\s+is\s+)?an?\s+)?", re.I)
#: The words that may stand between a negation and "assume": "nowhere do we assume", "we do not need to assume".
_HELPERS = (r"(?:do|does|did|we|you|one|i|need|needs|to|ever|have|has|be|been|is|are|was|will|would|shall|should"
            r"|must|can|further|anymore|really|actually|necessarily)\b")
#: A negated assumption word that governs the formula: "we do not assume (that)", "nowhere do we assume".
NOT_ASSUMED = re.compile(
    r"(?P<w>(?:"
    r"(?:\bnot|n['’]t|\bnever|\bnowhere|\bno\s+longer|\bno\s+need\s+to|\b(?:wrong|a\s+mistake|incorrect)\s+to"
    r"|\bwithout)(?:\s+" + _HELPERS + r"){0,3}\s+(?:assum|suppos|presuppos)\w*"
    r"(?:\s+(?:here|anywhere|in\s+general|throughout))?"
    r"|(?:" + _COMMON + r"|\b)(?:mistake|pitfall|error)" + _FILLER + r"\s+is\s+to\s+(?:assume|suppose)"
    r"|" + _WRONGLY + r"(?:assum|suppos|presuppos)\w*"
    r"|\b(?:častou|typickou|běžnou)\s+chybou" + _FILLER + r"\s+je\s+předpokládat|\b(?:chybně|mylně)\s+předpoklád\w*"
    r"|\b(?:ошибочно|неверно|неправильно)\s+(?:предпола\w*|допуска\w*)"
    r"|\b(?:częstym\s+|typowym\s+)?błędem" + _FILLER + r"\s+jest\s+(?:zakładać|założenie|przyjmować)"
    r"|\b(?:błędnie|mylnie)\s+(?:zakład\w*|przyjmuj\w*)"
    r"|(?:\bnepředpoklád\w*|\bnebudeme\s+předpoklád\w*|\bnení\s+(?:třeba|nutné)\s+předpoklád\w*|\bbez\s+předpokladu)"
    r"|\bне\s+(?:\w+\s+)?(?:предпола\w*|допуска\w*)|\bбез\s+предположени\w*"
    r"|\bnie\s+(?:\w+\s+)?(?:zakład\w*|załóż\w*|przyjmuj\w*)|\bbez\s+założeni\w*"
    r")" + _THAT + _OPENER + r"$", re.I)

#: Words right after a display that go on its sentence and change what it claims: "$$…$$ multiplied by two",
#: "transposed", "up to the factor …", "when the cost has no factor one half". A closed list; words that cannot
#: change the value ("where δ is …", ", which is BP1", "for every l", ", and", ".") are not in it.
GOES_ON = re.compile(
    r"^(?:\s|\$|\\\]|\\\)|\\end\s*\{[A-Za-z*]+\}|[,;])*(?P<w>(?:\+|\\times\b|\\cdot\b|×|·|\*|/)"
    r"|(?:multiplied|multiply|times|twice|divided|divide|over|squared|cubed|plus|minus|transposed|negated|inverted"
    r"|reversed|scaled|doubled|halved|summed|averaged|added|subtracted|raised|up\s+to|except|when|whenever|if|unless"
    r"|provided|assuming|only|under"
    r"|krát|vynásoben\w*|násoben\w*|vyděl\w*|dělen\w*|na\s+druhou|plus|minus|transponovan\w*|až\s+na|kromě|když"
    r"|pokud|jestliže|jen|pouze"
    r"|умножен\w*|умножить|раздел\w*|делен\w*|делённ\w*|в\s+квадрате|плюс|минус|транспонирован\w*"
    r"|с\s+точностью\s+до|кроме|когда|если|только|при"
    r"|razy|pomnożon\w*|podzielon\w*|do\s+kwadratu|transponowan\w*|z\s+dokładnością\s+do|oprócz"
    r"|z\s+wyjątkiem|gdy|jeśli|jeżeli|tylko)(?!\w))", re.I)
#: A word that calls the formula after it a mistake, alone in its sentence: "Wrong!⏎$$…$$" ("!" ends the sentence).
EXCLAIMED = re.compile(r"(?:^|\n|[.!?:]\s)\s*(?P<w>(?:wrong|incorrect|false|a\s+mistake|mistake|chybně|špatně"
                       r"|nesprávně|неверно|неправильно|ошибка|błędnie|źle|niepoprawnie)\s*!"
                       r"|the\s+following(?:\s+(?:formula|equation|identity))?\s+is\s+(?:wrong|false|incorrect|not\s+true)"
                       r"\s*[.!])$", re.I)
#: Words after a formula that turn to the notes' own voice ("… , but this is false", "which is wrong"): not part of
#: a belief the sentence reports before the formula.
TURNED = re.compile(r"(?:but|yet|however|which|ale|avšak|však|но|однако|lecz|jednak)\b", re.I)


__all__ = ["ADVERB", "COLON_JUDGED", "CONTRAST", "EXCLAIMED", "GOES_ON", "TURNED", "FALSE_AFTER", "FALSE_BEFORE", "LEAD_CLAUSE", "NEGATION", "NOT_ASSUMED", "NOT_BEFORE", "OWN_NEXT", "OWN_NEXT_LONGER", "OWN_PARAGRAPH", "OWN_PARAGRAPH_LONGER", "PLAIN_SUBJECT", "PLAIN_TAIL", "PROSE_CONDITION", "QUALIFIED", "REPORTED"]
