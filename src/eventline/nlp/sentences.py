"""Sentence-boundary rules for news text, as a spaCy component (`news_sentences`) that runs first in the pipeline.

The statistical parser (or senter) decides most boundaries; this component only fixes the cases where news
differs from the treebanks the model was trained on, by presetting `Token.is_sent_start` (the parser respects
preset values):

- line breaks: a paragraph break (blank line) always starts a sentence; a single line break starts one unless the
  next line starts in lower case or the line before ends in a comma, dash or a word like "the", "of", "with"
  (a wrapped line). Whitespace tokens never start a sentence.
- datelines: "SEOUL (Reuters) -", "WASHINGTON, Jan. 5 (AP) --", "LONDON -" at the start of a paragraph are glued
  to the sentence that follows them.
- abbreviations: titles (Gen., Sen., Mr., Lt. ...), months before a number (Jan. 5), "No." before a number, and
  initials (George W. Bush) never end a sentence; "No . 5" is merged into one token "No." first.
- within a line, a sentence starts only after punctuation: never with closing punctuation, nor right after a
  word, a comma, colon, dash, an opening quote or bracket, or ',"'; a word in lower case (not "iPhone"-like)
  starts one only after ". ! ?" (chat-style text), and an opening quote after ". ! ?" always starts one.
- list markers at the start of a line ("1.", "-", "•") stay with their item.
"""

from __future__ import annotations

import re

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

# Abbreviations the English tokenizer splits ("Lt ." -> "Lt."); added as tokenizer special cases to the shipped
# model (see training/package.py) and usable on any pipeline through `add_tokenizer_exceptions`.
EXTRA_ABBREVIATIONS = (
    "Adm. Amb. Assn. Atty. Ave. Blvd. Brig. Bros. Capt. Cmdr. Col. Cpl. Dept. Det. Dist. Esq. Fr. Ft. Gens. Hon. "
    "Insp. Lt. Maj. Mme. Msgr. Pres. Pvt. Reps. Rt. Sec. Sens. Sgt. Supt. Univ. approx. Gov. Govs. Sept. "
    "Ph.D. Mt. Hwy. Cpt. Sr. Jr. Sq. Mssrs. Mlle. Mgr."
).split()

# A token ending in "." from this set never ends a sentence (a name or number follows).
TITLES = {
    a.lower()
    for a in (
        "Mr. Mrs. Ms. Dr. Prof. Gen. Gens. Sen. Sens. Rep. Reps. Gov. Govs. Lt. Col. Maj. Capt. Cpt. Sgt. Cpl. Pvt. "
        "Adm. Brig. Cmdr. Insp. Det. Supt. Amb. Pres. Sec. Atty. Hon. Rev. Fr. Msgr. Mme. Mlle. St. Mt. Ft. Rt. "
        "Messrs. Mssrs. Gov. Lt.Gen. Maj.Gen. Brig.Gen. Lt.Col. Vol. Art. Fig. Ch. pp. vs. v. cf. approx."
    ).split()
}
MONTHS = {m.lower() for m in "Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.".split()}
NUMBER_ABBREVIATIONS = {"no.", "nos.", "no", "nos", "art.", "sec.", "vol.", "p.", "pp.", "ch.", "fig."} | MONTHS

OPENING = {"(", "[", "{", "“", "‘", "«"}
CLOSING = {")", "]", "}", "”", "’", "»", ",", ";", ":", "%", "'s", "’s", "n't", "...", "…"}
DASHES = {"-", "--", "—", "–", "---"}
# Words that cannot end a headline-like line: a line ending in one of these continues on the next line.
CONTINUING = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or", "but", "as", "that",
    "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "is", "are", "was", "were", "be",
    "has", "have", "had", "will", "would", "can", "could", "said", "says", "into", "over", "after", "before", "than",
    "about", "against", "between", "during", "under", "while", "who", "which", "whose", "where", "when", "if",
    "not", "no", "mr.", "mrs.", "ms.", "dr.",
}
LIST_MARKER = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|[-*•–—·▪])$")
AGENCY = re.compile(r"^(?:Reuters|AP|AFP|UPI|CNN|BBC|Xinhua|IANS|PTI|ANI|DPA|dpa|Bloomberg|EFE|ANSA|TASS|Yonhap|"
                    r"Kyodo|Interfax|RIA|WAM|SPA|APA|Bernama|Antara|KUNA|IRNA|NNA|MENA|Sputnik|CNA|UNI|"
                    r"[A-Z][A-Za-z&.]{1,15})$")


def _starts_lower(text: str) -> bool:
    return bool(text) and text[0].islower() and not any(c.isupper() for c in text[1:])


def _initial(text: str) -> bool:
    return len(text) == 2 and text[0].isupper() and text[1] == "."


NUMBER_ABBREVIATION_TEXT = re.compile(r"\bNos?\.\s*\d")


def _merge_number_abbreviations(doc: Doc) -> Doc:
    """'No' '.' '5' -> 'No.' '5' (the tokenizer cannot tell "No." from "no." at the end of a sentence)."""
    if not NUMBER_ABBREVIATION_TEXT.search(doc.text):
        return doc
    words = [t.text for t in doc]
    spaces = [t.whitespace_ for t in doc]
    spans = [
        doc[i : i + 2]
        for i in range(len(words) - 2)
        if words[i] in ("No", "Nos") and words[i + 1] == "." and not spaces[i] and words[i + 2][:1].isdigit()
    ]
    if spans:
        with doc.retokenize() as retok:
            for span in spans:
                retok.merge(span)
    return doc


def _dateline_end(words: list[str], start: int) -> int | None:
    """If a dateline ("SEOUL (Reuters) -", "LONDON, Jan. 5 (AP) --", "WASHINGTON -") starts at `start`, the index
    of its final dash."""
    limit = min(len(words), start + 14)
    i = start
    # place: one to four capitalised words, the first in upper case
    first = words[i] if i < limit else ""
    if not (first.isalpha() and first.isupper() and len(first) > 1):
        return None
    i += 1
    while i < limit and words[i].isalpha() and (words[i].istitle() or words[i].isupper()) and i - start < 4:
        i += 1
    # optional ", Region" / ", Jan. 5" / ", 2011" parts
    while i < limit and words[i] == ",":
        i += 1
        while i < limit and (words[i][:1].isalnum() or words[i].endswith(".")) and words[i] not in DASHES:
            i += 1
    if i < limit and words[i] == "(":
        j = i + 1
        while j < limit and words[j] != ")" and j - i <= 4:
            j += 1
        if j >= limit or words[j] != ")" or not AGENCY.match(words[i + 1]):
            return None
        i = j + 1
    if i < limit and words[i] in DASHES:
        return i
    return None


def _is_title(word: str) -> bool:
    return word.isalpha() and word.istitle()


def sentence_start_constraints(words: list[str], spaces: list[str]) -> dict[int, bool]:
    """Token index -> True (starts a sentence) / False (does not) where the news rules are sure."""
    n = len(words)
    forced: dict[int, bool] = {}
    line_starts: set[int] = set()
    is_space = [w.isspace() for w in words]
    # line breaks
    for i in range(n - 1):
        if is_space[i]:
            forced[i] = False
        if not ("\n" in spaces[i] or (is_space[i] and "\n" in words[i])):
            continue
        j = i + 1
        while j < n and is_space[j]:
            forced[j] = False
            j += 1
        if j >= n:
            break
        line_starts.add(j)
        breaks = sum((words[k] if is_space[k] else "").count("\n") + spaces[k].count("\n") for k in range(i, j))
        last = i
        while last >= 0 and is_space[last]:
            last -= 1
        if last < 0:
            continue
        nxt, end = words[j], words[last]
        if breaks >= 2:
            forced[j] = True
        elif _starts_lower(nxt) or end.lower() in CONTINUING or end == "," or end in DASHES:
            continue
        else:  # a complete line (or a headline, list item, caption) followed by a capitalised line
            forced[j] = True
    if n and is_space[-1]:
        forced[n - 1] = False
    # list markers ("1.", "2)", "-", "•") at the start of a line belong to the item that follows them
    for start in sorted({0} | line_starts):
        marker_end = start
        if start + 2 < n and words[start].isdigit() and len(words[start]) <= 2 and words[start + 1] in {".", ")"}:
            marker_end = start + 1  # "1." is tokenized as "1" "."
        elif not LIST_MARKER.match(words[start]):
            continue
        for k in range(start + 1, min(marker_end + 2, n)):
            if not is_space[k]:
                forced[k] = False
    # datelines at the start of the text or of a line
    for start in sorted({0} | line_starts):
        end_i = _dateline_end(words, start)
        if end_i is not None:
            for k in range(start + 1, min(end_i + 2, n)):
                forced[k] = False
    # abbreviations and initials
    for i in range(n - 1):
        if i + 1 in line_starts:
            continue
        word, nxt = words[i], words[i + 1]
        if not word.endswith("."):
            continue
        low = word.lower()
        if low in TITLES and nxt[:1].isupper():
            forced[i + 1] = False
        elif low in NUMBER_ABBREVIATIONS and nxt[:1].isdigit():
            forced[i + 1] = False
        elif _initial(word) and _is_title(nxt) and i > 0 and (_is_title(words[i - 1]) or _initial(words[i - 1])):
            # "George W. Bush", "J. R. R. Tolkien" (but not "... in Washington D.C. The")
            forced[i + 1] = False
    # lower-case words and closing punctuation do not start sentences (except on a new line), nor does a word right
    # after another word, a comma or an opening quote or bracket: edited news ends its sentences with punctuation
    for i in range(1, n):
        if i in line_starts or i in forced:
            continue
        word = words[i]
        k = i - 1
        while k > 0 and is_space[k]:
            k -= 1
        prev = words[k]
        if word in CLOSING or (word.isalpha() and _starts_lower(word) and prev not in {".", "?", "!"}):
            # (after a full stop the parser decides: chat-style text starts sentences in lower case)
            forced[i] = False
        elif prev in OPENING or prev in {",", ":", "(", "["} or prev in DASHES or (
            prev[-1:].isalnum() and not is_space[k]
        ):
            forced[i] = False
        elif (prev in {".", "!", "?"} and word in {'"', "“"} and spaces[k] and i + 1 < n
              and words[i + 1][:1].isupper()):
            # '... he said. "We will ...': an opening quote after a full stop starts a sentence
            forced[i] = True
        elif prev in {'"', "'", "”", "’"} and (k == 0 or spaces[k - 1] or is_space[k - 1] or words[k - 1] == ","):
            # after an opening straight quote, or after ',"' (an attribution follows: '..." he said')
            forced[i] = False
        elif word in {'"', "'"} and not spaces[i - 1] and not is_space[i - 1]:
            # a straight quote glued to the word before it closes a quotation
            forced[i] = False
    forced.pop(0, None)
    return forced


def set_news_sentence_starts(doc: Doc) -> Doc:
    """Presets `is_sent_start` (True/False) where the rules are sure; leaves the rest to the model."""
    if len(doc) < 2:
        return doc
    words = [t.text for t in doc]
    spaces = [t.whitespace_ for t in doc]
    forced = sentence_start_constraints(words, spaces)
    if forced:
        values = doc.to_array([SENT_START]).astype("int64")
        for i, value in forced.items():
            values[i] = 1 if value else -1
        doc.from_array([SENT_START], values.astype("uint64"))
    return doc


class NewsSentences:
    """The `news_sentences` pipeline component (no trainable weights)."""

    def __init__(self, nlp: Language, name: str = "news_sentences", merge_abbreviations: bool = True) -> None:
        self.name = name
        self.merge_abbreviations = merge_abbreviations

    def __call__(self, doc: Doc) -> Doc:
        if self.merge_abbreviations:
            doc = _merge_number_abbreviations(doc)
        return set_news_sentence_starts(doc)


@Language.factory("news_sentences", default_config={"merge_abbreviations": True})
def make_news_sentences(nlp: Language, name: str, merge_abbreviations: bool) -> NewsSentences:
    return NewsSentences(nlp, name, merge_abbreviations)


def add_tokenizer_exceptions(nlp: Language) -> None:
    """Keeps news abbreviations ("Lt.", "Sgt.", "Sept.") as single tokens."""
    from spacy.attrs import ORTH

    for abbr in EXTRA_ABBREVIATIONS:
        for form in {abbr, abbr.capitalize() if abbr[0].isupper() else abbr}:
            if form not in nlp.tokenizer.rules:
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])


__all__ = [
    "NewsSentences",
    "add_tokenizer_exceptions",
    "make_news_sentences",
    "sentence_start_constraints",
    "set_news_sentence_starts",
]
