"""The weekly family update, in the family's language only."""

from __future__ import annotations

from dataclasses import replace

from telegram import InlineKeyboardMarkup

from bot.domain.spoken_text import Spoken, spoken_segments
from bot.presentation import keyboards
from bot.presentation.i18n import (
    Catalog,
    Markup,
    language_name,
)
from bot.presentation.message_views import word_list
from bot.presentation.views import (
    join_lines,
    name,
)
from bot.services.family_updates import FamilyUpdate


def family_update_text(update: FamilyUpdate, catalog: Catalog) -> Markup:
    """A short weekly update in the family's language only: the English words stand out in
    bold beside their gloss, listed the language's way; no scores, no classmates."""
    lang = update.language
    child = name(update.student_name, catalog, lang)
    parts = [catalog.render("family-week-header", lang, name=child), *_window(update, catalog),
             _practised(update, child, catalog)]
    if update.learned:
        parts += [catalog.render("family-week-learned", lang, name=child,
                                 count=len(update.learned)),
                  word_list(update.learned, lang)]
    if update.practising:
        parts += [catalog.render("family-week-practising", lang),
                  word_list(update.practising, lang),
                  # the language they speak at home, never the family member's own by name: a
                  # child who learns with Hmong glosses may not speak their mother's Somali (M4)
                  _ask(update, child, catalog)
                  if update.explain else  # "mass" is "mas": nothing to explain (playtest)
                  catalog.render("family-week-ask-alike", lang, name=child)]
    if update.hard:  # where the family can help most (at most 3, English in bold, glossed)
        parts.append(catalog.render("family-week-hard", lang, name=child,
                                    words=word_list(list(update.hard), lang)))
    if update.new:  # cards read, never asked yet: new to the child, not being practised
        parts += [catalog.render("family-week-new", lang, name=child),
                  word_list(update.new, lang)]
    if update.bad_week:  # "0 of 5" alone left the family with nothing to do (playtest):
        # the step comes first, in place of the evening routine that assumes practice
        parts.append(catalog.render("family-week-next-step", lang, name=child))
    elif update.practising or update.learned or update.new:  # words to say aloud, at home
        parts.append(catalog.render("family-week-routine", lang, name=child))
    if update.unchecked and lang != "en":
        parts.append(catalog.render("family-week-unchecked", lang,
                                    language=language_name(lang)))
    # after /stop, how to stop them again is no help: how to get them back is
    parts.append(catalog.render("family-week-footer-stopped" if update.stopped
                                else "family-week-footer", lang))
    return Markup("\n".join(parts))


def practice_words_text(update: FamilyUpdate, catalog: Catalog) -> Markup:
    """A family's "which words can she practise at home?": the weekly update's own word lists
    (being practised, hard, new), as it renders them, and its routine; or that there are none
    yet. The question can still go to the teacher (said first)."""
    lang = update.language
    child = name(update.student_name, catalog, lang)
    parts = [catalog.render("family-practice-first", lang, name=child)]
    if update.practising:
        parts += [catalog.render("family-week-practising", lang),
                  word_list(update.practising, lang)]
    if update.hard:
        parts.append(catalog.render("family-week-hard", lang, name=child,
                                    words=word_list(list(update.hard), lang)))
    if update.new:
        parts += [catalog.render("family-week-new", lang, name=child),
                  word_list(update.new, lang)]
    parts.append(catalog.render("family-week-routine" if update.practising or update.hard
                                or update.new else "family-practice-none", lang, name=child))
    return Markup("\n".join(parts))


def _ask(update: FamilyUpdate, child: str, catalog: Catalog) -> Markup:
    """Ask the family to have the child explain a word: in their language by its name where
    the child learns with it ("用中文", playtest: "你们在家里说的语言" read as a riddle),
    else in the language spoken at home."""
    if update.same_language and update.language != "en":
        return catalog.render("family-week-ask-named", update.language, name=child,
                              word=update.explain)
    return catalog.render("family-week-ask", update.language, name=child, word=update.explain)


def _window(update: FamilyUpdate, catalog: Catalog) -> list[Markup]:
    """The days the update counts ("🗓️ Days counted: Fri 25 Sep – Thu 1 Oct", or one day
    named once), and when the child practised today, outside them, that it counts in the next
    update: "4 of the last 5" on a Friday read as a day missed to a parent whose child had
    practised at 16:08 that Friday (playtest). None before a first day to count."""
    if update.first_day is None or update.last_day is None or update.started_today:
        return []
    if update.started_on is not None and not (update.out_of or update.other_days
                                              or update.excused_days or update.rest_days):
        return []  # nothing counted yet: only the day she started, said below
    key = "family-week-window-today" if update.today_uncounted else "family-week-window"
    first = catalog.day(update.language, update.first_day)
    # one day is named once: "lendi 14 septanm – lendi 14 septanm" on a term's first day
    # read as a range to a Haitian mother (playtest)
    days = first if update.first_day == update.last_day else \
        f"{first} – {catalog.day(update.language, update.last_day)}"
    return [catalog.render(key, update.language, days=days)]


def _practised(update: FamilyUpdate, child: str, catalog: Catalog) -> Markup:
    """How many of the school days in the last 7 days (or since they started) the child
    practised, and apart the other days they practised (a weekend, a holiday): a child who
    joined today has not missed six days, a weekend without practice is no day missed, and a
    weekend with practice is no school day."""
    lang = update.language
    # school days with nothing due: said plainly, never as "0 of 0" (ar playtest)
    other = [catalog.render("family-week-rest-days", lang, name=child, count=update.rest_days)
             ] if update.rest_days else []
    if update.other_days:
        other.append(catalog.render("family-week-other-days", lang, count=update.other_days))
    if update.excused_days:  # practised on a day the family excused: no school day for her
        other.append(catalog.render("family-week-excused-days", lang,
                                    count=update.excused_days))
    if update.card_days:  # cards read with no practice that day: not nothing, not practice
        other.append(catalog.render("family-week-card-days", lang, name=child,
                                    count=update.card_days))
    if update.started_today or not (update.out_of or other):  # no day to count yet
        if update.started_on is not None and not update.started_today:  # not "today"
            return catalog.render("family-week-started-on", lang, name=child,
                                  day=catalog.day(lang, update.started_on))
        return catalog.render("family-week-first-day", lang, name=child)
    if not update.out_of:  # started on a weekend and practised on it, or nothing was due
        return join_lines(other)
    if update.started_in_window:
        days = catalog.render("family-week-days-since", lang, name=child, days=update.days,
                              since=update.out_of)
    else:
        days = catalog.render("family-week-days", lang, name=child, days=update.days,
                              total=update.out_of)
    return join_lines([days, *other])


def family_update_spoken(update: FamilyUpdate, catalog: Catalog) -> Spoken:
    """What "🔊 Listen to this message" reads of an update: the whole of it, in the family's
    language, its English words in English; a machine gloss is left out (text marks it as
    machine output, audio cannot)."""
    def people_only(words: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
        return [(en, None if en in update.machine else own) for en, own in words]

    checked = replace(update, learned=people_only(update.learned),
                      practising=people_only(update.practising), new=people_only(update.new))
    english = frozenset(en for en, _own in [*update.learned, *update.practising, *update.new])
    return spoken_segments(family_update_text(checked, catalog), update.language,
                           english | ({update.explain} if update.explain else set()))


def family_update_buttons(update: FamilyUpdate, catalog: Catalog, speech: bool,
                          row_id: int | None = None, voiced: bool = True
                          ) -> InlineKeyboardMarkup | None:
    """The 🔊 buttons under an update, where this installation speaks: the whole message read
    aloud where a voice speaks the family's language (`voiced`; a grandmother who cannot
    read, playtest), and its words (a family that reads no English could not say them).
    `row_id`: the queued update's outbox row; None: /now's."""
    if not speech:
        return None
    return keyboards.family_listen(catalog, update.language, update.student_id,
                                   update.word_ids, row_id, voiced)
