"""What a teacher reads about packs: /packs, and after sending a pack file what was saved and
changed, or what to fix."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain.language_names import name_in
from bot.domain.pack_changes import PackChanges
from bot.domain.packs import Problem
from bot.presentation.i18n import Catalog, Counted, Markup, reader_language
from bot.presentation.views import clause_separator, escape, join_lines, list_separator
from bot.services.glosses import Gap, NoNewcomerDefinition, Unchecked
from bot.services.packs import OtherLanguages, PackDetail, PackQuality, PackSummary

MAX_PROBLEMS = 30  # one readable message; fixing these shows the rest on the next upload
MAX_TERMS = 20
UNCHECKED_NAMED = 5  # /report names this many words no speaker checked, a language


def terms_list(terms: Sequence[str], most: int = MAX_TERMS) -> str:
    """Some words (`most` of them), comma-separated, with the count of any left out."""
    shown = ", ".join(terms[:most])
    return shown if len(terms) <= most else f"{shown}, … (+{len(terms) - most})"


def pack_line(catalog: Catalog, lang: str, pack: PackSummary) -> Markup:
    """One pack of /packs: its id to copy, its size and title, and a shipped pack's grade band
    (a teacher's CSV pack has none of its own: the band stored for it is a placeholder)."""
    line = f"<code>{escape(pack.id)}</code> ({pack.words}) {escape(pack.title)}"
    if pack.owner_teacher_id is not None:
        return Markup(line)
    low, high = (str(g) if g else "K" for g in pack.grades)  # grade 0 is kindergarten
    grades = catalog.render("packs-grades", lang, grades=low if low == high else f"{low}-{high}")
    return Markup(f"{line} · {grades}")


def pack_detail(catalog: Catalog, lang: str, detail: PackDetail) -> Markup:
    """/packs PACK: its /packs line, how many of its words the teacher's students have
    practised, its terms in pack order (short: no definitions), and how to push some."""
    return Markup("\n".join([
        pack_line(catalog, lang, detail.summary),
        catalog.render("packs-detail-practised", lang, practised=detail.practised,
                       words=len(detail.terms)),
        *(escape(line) for line in _term_lines(detail.terms)),
        catalog.render("packs-detail-push", lang, pack=detail.summary.id)]))


TERMS_LINE = 1000  # characters of terms on one line: a long pack's list splits between them


def _term_lines(terms: Sequence[str]) -> list[str]:
    """The terms, comma-separated, on lines short enough that a message split between lines
    shows every term whole (a 300-word pack was one line Telegram refused)."""
    lines: list[list[str]] = [[]]
    for term in terms:
        if lines[-1] and len(", ".join([*lines[-1], term])) > TERMS_LINE:
            lines[-1][-1] += ","
            lines.append([])
        lines[-1].append(term)
    return [", ".join(line) for line in lines if line]


def saved_text(catalog: Catalog, lang: str, pack_id: str, words: int, filled: int,
               changes: PackChanges) -> Markup:
    """The pack is ready: how many words, glosses filled, and what this version changed."""
    lines = [catalog.render("newpack-saved", lang, pack=pack_id, count=words)]
    if filled:
        lines.append(catalog.render("newpack-filled", lang, count=filled))
    for key, terms in (("newpack-added", changes.added), ("newpack-changed", changes.changed),
                       ("newpack-revived", changes.revived)):
        if terms:
            lines.append(catalog.render(key, lang, terms=terms_list(terms)))
    if changes.retired:
        one = len(changes.retired) == 1  # "leaves it out", not "leaves them out"
        if changes.answered:
            key = "newpack-retired-answered-one" if one else "newpack-retired-answered"
        else:
            key = "newpack-retired-one" if one else "newpack-retired"
        lines.append(catalog.render(key, lang, terms=terms_list(changes.retired),
                                    count=changes.answered))
    return join_lines(lines)


def unchecked_line(catalog: Catalog, lang: str, unchecked: Sequence[Unchecked],
                   named: bool = False) -> Markup | None:
    """Every language whose translations of these words no speaker has checked yet, on one
    line (None when there is none): /report says it every day, and one line a language made it
    4 of a playtest report's 11 lines. `named`: with the words (up to MAX_TERMS), so a
    bilingual colleague knows which to look at ("1 of 10 words" named none: playtest)."""
    if not unchecked:
        return None
    semi = clause_separator(lang)
    return catalog.render("report-translations-unchecked", lang, languages=Markup(semi.join(
        catalog.render("report-translations-unchecked-named", lang,
                       language=reader_language(u.lang), code=u.lang, count=u.count,
                       words=Counted("count-words", u.words),
                       terms=terms_list(u.terms, UNCHECKED_NAMED))
        if named and u.terms else
        catalog.render("report-translations-unchecked-language", lang,
                       language=reader_language(u.lang), code=u.lang, count=u.count,
                       words=Counted("count-words", u.words)) for u in unchecked)))


@dataclass(frozen=True)
class UploadReaders:
    """Whom an upload's gloss warnings are for: the languages of the students of her classes
    (each named), the file's others (one line), and the file's form (a CSV's hints name its
    columns, a TOML file's its keys)."""

    languages: Sequence[str] | None = None  # None: every language the warnings name
    others: OtherLanguages | None = None
    spreadsheet: bool = True


def upload_warnings(catalog: Catalog, lang: str, gaps: Sequence[Gap],
                    file_languages: Sequence[str], quality: PackQuality,
                    newcomers: NoNewcomerDefinition | None = None,
                    readers: UploadReaders | None = None) -> list[Markup]:
    """What to fix after an upload, one message each: the words some students will read in
    English only (named, for a language the file has a column for; else counted, with the
    columns to add), how good the checks will be, glosses with no definition (once for
    the languages of her classes, as level 1-2 students will read those cards), and one line
    for the file's languages none of her students reads."""
    readers = readers or UploadReaders()
    form = "" if readers.spreadsheet else "-toml"  # the hint in the file's own shape
    warnings = []
    for gap in gaps:
        language = reader_language(gap.lang)
        if gap.lang in file_languages:
            warnings.append(catalog.render("newpack-gloss-missing" + form, lang, code=gap.lang,
                                           language=language, terms=terms_list(gap.terms)))
        else:
            warnings.append(catalog.render("newpack-coverage" + form, lang, code=gap.lang,
                                           language=language, missing=gap.missing,
                                           words=Counted("count-words", gap.words)))
    if quality.no_cloze and quality.giveaways:
        warnings.append(catalog.render("newpack-audit" + form, lang, no_cloze=quality.no_cloze,
                                       giveaways=quality.giveaways, items=quality.items,
                                       rules=", ".join(quality.rules)))
    elif quality.no_cloze:  # no "0 of 160 items could give the answer away (-)"
        warnings.append(catalog.render("newpack-audit-cloze" + form, lang,
                                       no_cloze=quality.no_cloze))
    elif quality.giveaways:
        warnings.append(catalog.render("newpack-audit-giveaways", lang,
                                       giveaways=quality.giveaways, items=quality.items,
                                       rules=", ".join(quality.rules)))
    if quality.one_cloze:  # checks take a word's gap sentences in turn (domain/variety.py)
        warnings.append(catalog.render("newpack-audit-one-cloze" + form, lang,
                                       words=Counted("count-words", quality.one_cloze)))
    if quality.same_definition:  # `puente packs audit` fails on these (domain/variety.py)
        warnings.append(catalog.render("newpack-audit-same-definition", lang,
                                       terms=terms_list(quality.same_definition)))
    if newcomers is not None:
        warnings.append(catalog.render(
            "newpack-newcomer-no-definition", lang,
            languages=list_separator(lang).join(name_in(code, lang)
                                                for code in newcomers.languages),
            words=Counted("count-words", newcomers.words)))
    said = newcomers.languages if newcomers is not None else ()
    warnings += [catalog.render("newpack-gloss-no-definition" + form, lang, code=code,
                                language=reader_language(code), terms=terms_list(terms))
                 for code, terms in quality.no_definition.items() if code not in said
                 and (readers.languages is None or code in readers.languages)]
    if readers.others is not None:
        warnings.append(catalog.render(
            "newpack-other-languages", lang,
            languages=list_separator(lang).join(name_in(code, lang)
                                                for code in readers.others.languages),
            words=Counted("count-words", readers.others.words)))
    return warnings


def grouped(warnings: Sequence[Markup]) -> Markup:
    """An upload's warnings as one message, a blank line between them."""
    return Markup("\n\n".join(warnings))


def problem_text(catalog: Catalog, lang: str, problem: Problem) -> Markup:
    """One problem of a pack file, where it is ("Rocks.csv:3:") and what it is, in the
    reader's language when the validator says what it is (field names and values as typed)."""
    if not problem.reason:
        return escape(str(problem))
    facts = dict(problem.facts)
    if "number" in facts:  # a word's problem: "word 3 (magma)", or "word 3" before its term
        number = facts.pop("number")
        facts["where"] = catalog.render("pack-problem-word", lang, number=number,
                                        term=facts.pop("word_term")) if "word_term" in facts \
            else catalog.render("pack-problem-word-number", lang, number=number)
        if "cloze" in facts:  # which of its gap sentences: "word 2 (magma), cloze 2"
            facts["where"] = Markup(f"{facts['where']}, cloze {escape(facts.pop('cloze'))}")
        if "gloss" in facts:  # which of the word's glosses: "word 1 (ecosystem) [es]"
            facts["where"] = Markup(f"{facts['where']} [{escape(facts.pop('gloss'))}]")
    key = f"pack-problem-{problem.reason}"
    if problem.reason == "example-form":  # how this file writes `forms`: a column or a key
        csv = problem.source.lower().endswith(".csv")
        words = str(facts["inside"]).split(", ")
        facts["forms"] = "; ".join(words) if csv else ", ".join(f'"{w}"' for w in words)
        key += "-csv" if csv else "-toml"
    what = catalog.render(key, lang, **facts)
    return Markup(f"{escape(problem.source)}:{problem.line}: {what}")


def problems_text(catalog: Catalog, lang: str, problems: Sequence[Problem]) -> Markup:
    """The first problems of a pack file, and how many more there are."""
    shown = join_lines(problem_text(catalog, lang, p) for p in problems[:MAX_PROBLEMS])
    text = catalog.render("newpack-invalid", lang, problems=shown)
    rest = len(problems) - MAX_PROBLEMS
    return join_lines([text, catalog.render("newpack-more", lang, count=rest)]) if rest > 0 \
        else text
