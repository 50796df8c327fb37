"""Default deny for person names: a name-shaped word that no vocabulary explains is refused.

Name lists miss the long tail ("Thandiwe Dlamini", "Oluwaseun Adeyemi-Bakare", "Jun-seo Park");
what they have in common is their shape. So instead of listing names, the screen refuses:
- two to four title-case words in a row (particles such as "de", "van", "bin" allowed between)
  where a word in the surname slot is unknown, or the given-name slot holds a known given name
  and the phrase is not a place;
- the same in lower case when one word is a known given name and no word is vocabulary;
- one unknown title-case word where a person stands: before a patient's verb ("Thandiwe
  relapsed"), as the object of care ("discussed Thandiwe at"), or before an apposition naming
  a family or care role ("Mercedes, the patient's older sister").
"Unknown" means none of privacy_vocabulary's known vocabulary (English words, drug stems,
months, company, hospital and eponym words, places) and none of the record's own company and
drug words. It runs last, on text where codes, doses, companies, hospitals and eponyms are
already masked; the message says what to write instead.
"""
from __future__ import annotations

import re
import unicodedata

from trialfind.core.given_names import dictionary_given_names, is_english_word, word_like_given_names
from trialfind.core.privacy_languages import follows_its_relation_word
from trialfind.core.privacy_names import PERSON_OBJECT, PERSON_VERB, SENTENCE_START, VERBS_OF_COMPANIES_TOO
from trialfind.core.privacy_text import UPPER, WORD, Finding, bare_word, is_capitalised
from trialfind.core.privacy_vocabulary import INN_AND_TERM_ENDINGS, MEDICAL_ENDINGS, is_known_word, is_place_phrase
from trialfind.core.privacy_words import NOT_NAMES, RELATION_WORDS, ROLE_WORDS

INSTEAD = "write the role instead, such as 'the patient', 'the mother' or 'the sponsor's contact'"

_LOWER = r"a-zß-öø-ÿā-žǎ-ǜḁ-ỿ"
# One word of a name: "Thandiwe", "Adeyemi-Bakare", "O'Brien", "McKenzie", "Jun-seo", "Dufresne-Côté".
_TITLE_WORD = (rf"[{UPPER}](?:['’][{UPPER}])?[{_LOWER}]+(?:[{UPPER}][{_LOWER}]+)?"
               rf"(?:-[{UPPER}{_LOWER}][{_LOWER}]+(?:['’][{UPPER}][{_LOWER}]+)?)*")
_PARTICLE = r"(?:de|del|della|di|da|do|dos|das|du|des|van|von|der|den|ten|ter|le|la|bin|binti|ibn|al|el|y|e|mac)"
_TITLE_RUN = re.compile(
    rf"(?<![\w'’-])({_TITLE_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_TITLE_WORD}){{1,3}})(?=['’]s\b|(?![\w'’-]))")   # "Tamati Ngata-Walker's whānau"
_LOWER_PAIR = re.compile(rf"(?<![\w'’-])([{_LOWER}]{{3,}})(?=\s+([{_LOWER}]{{3,}}(?:-[{_LOWER}]+)?)(?![\w'’-]))")
_ROLES = "|".join(sorted(set(RELATION_WORDS) | {"donor", "carer", "caregiver", "guardian", "cra", "contact",
                                                 "interpreter", "translator", "mother's", "father's"},
                         key=len, reverse=True))
_APPOSITION = re.compile(
    rf"(?<![\w'’-])({_TITLE_WORD}),\s+(?i:the|our|my|his|her|their|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?(?i:{_ROLES})\b")
# Verbs (and states) said of a child, hardly of a thing: a capitalised word before one is a person even when
# it is also an ordinary word ("Journey tolerated the dose", "Winter had a port placed", "Bear has been on").
_PERSON_ONLY_VERB = re.compile(
    rf"(?<![\w'’-])({_TITLE_WORD})\s+(?:(?:also|still|then|now|finally|just|only|never|already)\s+)?"
    r"(?:tolerated|relapsed|vomited|cried|weighs|celebrated|hugged|loves|underwent|"
    r"(?:is|was|has\s+been|had\s+been)\s+(?:not\s+|also\s+|still\s+)?(?:eligible|ineligible|diagnosed|admitted|"
    r"discharged|born|on\s+[a-z]+(?:ib|mab|in|ine|ide|one)\b)|"
    r"had\s+(?:a|her|his)\s+(?:port|line|biopsy|scan|transplant|fever|relapse|seizure))\b")
# Nouns of clinical text that do these things too ("Disease relapsed", "Cohort 2 was eligible").
_CLINICAL_SUBJECTS = frozenset("""disease tumour tumor cancer marrow lesion mass leukemia leukaemia lymphoma sarcoma
neuroblastoma glioma cohort arm site everyone nobody somebody someone child patient baby infant sibling
""".split())
# "the sibling donor ngozi okonkwo": a family or care word just before a lower-case pair.
_ROLE_BEFORE = re.compile(rf"\b(?i:{_ROLES})\s+$")
_PARTICLES = frozenset(_PARTICLE.strip("(?:)").split("|"))


def _folded(word: str) -> str:
    """Lower case without accents, to look a name up in the ASCII name dictionary ("Amélie" → "amelie")."""
    return "".join(c for c in unicodedata.normalize("NFKD", bare_word(word)) if not unicodedata.combining(c))


def _is_known_given_name(word: str) -> bool:
    parts = [p for p in _folded(word).split("-") if p]
    return any(p in dictionary_given_names() or p in word_like_given_names() for p in parts)


def _finding(start: int, end: int, what: str) -> Finding:
    return Finding("name", start, end, f"a person's name? ({what}; {INSTEAD})")


def find_unknown_names(text: str, found: list[Finding], known: frozenset[str]) -> None:
    for match in _TITLE_RUN.finditer(text):
        _title_run(text, match, found, known)
    for match in _LOWER_PAIR.finditer(text):
        first, second = match.group(1), match.group(2)
        after_role = _ROLE_BEFORE.search(text, max(0, match.start(1) - 30), match.start(1))
        if (not is_known_word(first, known) and not is_known_word(second, known)
                # "hija tiene": a relation word and its language's verb, not a given name and a surname
                and not follows_its_relation_word(first, second)
                and (_is_known_given_name(first) or _is_known_given_name(second) or after_role)):
            found.append(_finding(match.start(1), text.index(match.group(2), match.end(1)) + len(match.group(2)),
                                  "two words no dictionary knows, one a given name"))
    for pattern in (PERSON_VERB, PERSON_OBJECT):
        for match in pattern.finditer(text):
            word = match.group(1)
            verb = (match.groupdict().get("verb") or "").split()
            if verb and verb[0].lower() in VERBS_OF_COMPANIES_TOO:
                continue                               # "Zentalis said no": a company does that too
            if _is_unknown_single(word, known):
                found.append(_finding(*match.span(1), "a word no dictionary knows, used of a person"))
    for match in _PERSON_ONLY_VERB.finditer(text):
        bare = bare_word(match.group(1))
        if (bare not in known and bare not in NOT_NAMES and bare not in ROLE_WORDS and bare not in _CLINICAL_SUBJECTS
                and bare not in RELATION_WORDS and not _is_clinical_word(bare)):
            found.append(_finding(*match.span(1), "a capitalised word before what is said of a patient"))
    for match in _APPOSITION.finditer(text):
        word = match.group(1)
        bare = bare_word(word)
        if _is_unknown_single(word, known) or (bare in word_like_given_names() and bare not in NOT_NAMES
                                               and bare not in ROLE_WORDS and bare not in known):
            found.append(_finding(*match.span(1), "a name before a family or care role"))


def _is_clinical_word(bare: str) -> bool:
    return bare.endswith(INN_AND_TERM_ENDINGS + MEDICAL_ENDINGS) and not _is_known_given_name(bare)


def _is_unknown_single(word: str, known: frozenset[str]) -> bool:
    return len(bare_word(word)) >= 3 and not word.isupper() and not is_known_word(word, known)


def _title_run(text: str, match: re.Match, found: list[Finding], known: frozenset[str]) -> None:
    words = [m for m in re.finditer(r"\S+", match.group(1)) if m.group(0).lower() not in _PARTICLES]
    # A double-barrelled surname of unknown parts after one word is a name's shape, even when that word is
    # also an ordinary one ("Kiri Waititi-Parata"); a product's second word is rarely so.
    last = words[-1].group(0)
    if len(words) == 2 and "-" in last and all(len(part) >= 3 and not is_known_word(part, known)
                                               for part in last.split("-")):
        found.append(_finding(match.start(1) + words[0].start(), match.start(1) + words[-1].end(),
                              "a word and a double-barrelled surname no dictionary knows"))
        return
    # A sentence's first word is capitalised by the sentence: judge it as an ordinary word.
    if (SENTENCE_START.search(text, 0, match.start(1)) and is_known_word(words[0].group(0), known)
            and not _is_known_given_name(words[0].group(0))):
        words = words[1:]
    if len(words) < 2:
        return
    phrase_start, phrase_end = match.start(1) + words[0].start(), match.start(1) + words[-1].end()
    if is_place_phrase(text[phrase_start:phrase_end]):
        return
    tokens = [w.group(0) for w in words]
    unknown = [not is_known_word(t, known) for t in tokens]
    if not any(unknown):
        return
    # The first word a given name no English word shares ("Federico", "Jun-seo"), or one that is a word
    # ("Joy") before surnames no dictionary knows.
    first_is_name = any(part in dictionary_given_names() for part in _folded(tokens[0]).split("-") if part)
    if first_is_name or (_is_known_given_name(tokens[0]) and all(unknown[1:])):
        # "Jun-seo Park", "Joy Abernathy-Kwan": a given name, then a surname (even one that is a word).
        found.append(_finding(phrase_start, phrase_end, "a given name and a surname"))
        return
    # A title or product puts ordinary words beside its unknown ones ("Systemic Lupus Erythematosus",
    # "Aria Sensor"); a name from outside the name lists is unknown words only ("Thandiwe Dlamini").
    if all(unknown) or (sum(unknown) >= 2 and not any(is_english_word(bare_word(t)) for t in tokens)):
        found.append(_finding(phrase_start, phrase_end, "title-case words no dictionary knows"))


def find_contact_person_runs(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """In a field naming how a company was reached, two capitalised words in a row that are not role or company
    words are taken for a person: give a role, generic address or portal instead."""
    run = 0
    for match in WORD.finditer(text):
        word = match.group(0)
        unknown = is_capitalised(word) and bare_word(word) not in ROLE_WORDS and bare_word(word) not in known
        run = run + 1 if unknown else 0
        if run >= 2:
            found.append(Finding("name", *match.span(), "a person's name (give a role, generic address or portal "
                                                        "instead)"))
            return
