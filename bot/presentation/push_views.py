"""A teacher's pushes as they read them: when one is due (weekday and month names in the
teacher's language, from the catalogue), and /scheduled's list."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, tzinfo

from bot.presentation.i18n import MONTHS as MONTHS  # kept here: tests read the month keys
from bot.presentation.i18n import WEEKDAYS, Catalog, Counted, Markup
from bot.services.push_search import topic_of
from bot.services.pushes import Scheduled, UnknownWordsError


def when(catalog: Catalog, lang: str, moment: datetime, tz: tzinfo) -> str:
    """A push's time in the school's time zone, as the push's answer gives it, in the reader's
    language ("Tue 08:00", "mar 08:00", "周二 08:00")."""
    local = moment.astimezone(tz)
    return catalog.plain("date-weekday-time", lang, weekday=_weekday(catalog, lang, local),
                         time=f"{local:%H:%M}")


def day(catalog: Catalog, lang: str, local: date) -> str:
    """A school day as `when` names its weekday, with the date, in the reader's language
    ("Thu 24 Sep", "jue 24 sept", "9月24日周四")."""
    return catalog.day(lang, local)


def day_time(catalog: Catalog, lang: str, moment: datetime, tz: tzinfo) -> str:
    """A moment as `day` names its day, with the time, in the school's time zone ("Thu 24 Sep
    16:45"): /thread and /families read like every other date a teacher sees."""
    local = moment.astimezone(tz)
    return f"{catalog.day(lang, local.date())} {local:%H:%M}"


def _weekday(catalog: Catalog, lang: str, local: date) -> str:
    return catalog.plain(f"weekday-{WEEKDAYS[local.weekday()]}", lang)


def unknown_words(catalog: Catalog, lang: str, error: UnknownWordsError) -> str:
    """Every word a push named that is not in its pack, one a line, each with its hint: the
    pack word it may be a typo of, or the other pack it is in."""
    lines = [catalog.render("push-unknown-words", lang, pack=error.pack)]
    for one in error.missing:
        if one.close is not None:
            lines.append(catalog.render("push-unknown-word-close", lang, word=one.word,
                                        close=one.close))
        elif one.elsewhere is not None:
            lines.append(catalog.render("push-unknown-word-elsewhere", lang, word=one.word,
                                        pack=one.elsewhere))
        else:
            lines.append(catalog.render("push-unknown-word-line", lang, word=one.word))
    for one in error.about:  # "/push PACK water cycle": its words about the water cycle
        lines.append(catalog.render("push-unknown-words-about", lang, pack=one.pack_id,
                                    topic=" ".join(topic_of([m.word for m in error.missing])),
                                    terms=", ".join(one.terms)))
    lines.append(catalog.render("push-nothing-sent", lang))  # no word went, the right ones too
    return "\n".join(lines)


def scheduled_text(catalog: Catalog, lang: str, waiting: Sequence[Scheduled], tz: tzinfo
                   ) -> tuple[str, list[tuple[int, str]]]:
    """The list /scheduled sends, numbered, and one (push id, Cancel label) per push."""
    lines = [catalog.render("scheduled-title", lang)]
    buttons = []
    for number, one in enumerate(waiting, 1):
        due = when(catalog, lang, one.send_at, tz)
        lines.append(catalog.render(
            "scheduled-line" if one.booked_by is None else "scheduled-line-by", lang,
            number=number, when=due, class_name=one.class_name, pack=one.pack_id,
            terms=", ".join(one.terms), students=_students(catalog, lang, one),
            name=one.booked_by or ""))
        buttons.append((one.push_id, catalog.plain("button-scheduled-cancel", lang,
                                                   number=number, when=due)))
    return "\n".join(lines), buttons


def _students(catalog: Catalog, lang: str, one: Scheduled) -> Counted | Markup:
    """Whom a waiting push goes to: "3 students", or, with no message for anyone yet, that it
    goes to those who have chosen a home language by then (some joined without one), or to
    those who join before it is due (nobody has joined)."""
    if one.students:
        return Counted("count-students", one.students)
    return catalog.render("scheduled-nobody-chose" if one.choosing else "scheduled-nobody-yet",
                          lang)


def cancel_confirm(catalog: Catalog, lang: str, one: Scheduled, tz: tzinfo) -> str:
    """Ask before a waiting push is cancelled (a co-teacher's: saying she will be told; one
    with no message for anyone yet: saying who will not get it)."""
    key = (_unsent("scheduled-cancel-confirm", one) if not one.students
           else "scheduled-cancel-confirm-by" if one.booked_by is not None
           else "scheduled-cancel-confirm")
    text = catalog.render(key, lang, when=when(catalog, lang, one.send_at, tz),
                          class_name=one.class_name, terms=", ".join(one.terms),
                          students=Counted("count-students", one.students),
                          name=one.booked_by or "", count=one.choosing)
    if not one.students and one.booked_by is not None:  # "-by" would say "0 students"
        text += " " + catalog.render("scheduled-booker-told", lang, name=one.booked_by)
    return text


def cancelled(catalog: Catalog, lang: str, one: Scheduled, students: int, tz: tzinfo) -> str:
    """What a cancelled push took back, and what stays."""
    key = "scheduled-cancelled" if students else _unsent("scheduled-cancelled", one)
    return catalog.render(key, lang,
                          when=when(catalog, lang, one.send_at, tz),
                          class_name=one.class_name,
                          students=Counted("count-students", students), count=one.choosing)


def cancelled_by_colleague(catalog: Catalog, lang: str, one: Scheduled, students: int,
                           colleague: str, tz: tzinfo) -> str:
    """Tell the teacher who booked a push that a co-teacher cancelled it."""
    key = "scheduled-cancelled-by" if students else _unsent("scheduled-cancelled-by", one)
    return catalog.render(key, lang, name=colleague,
                          when=when(catalog, lang, one.send_at, tz),
                          class_name=one.class_name, terms=", ".join(one.terms),
                          students=Counted("count-students", students), count=one.choosing)


def dropped_lines(catalog: Catalog, lang: str, name: str, class_name: str,
                  pushes: Sequence[Scheduled], announcements: Sequence[str], tz: tzinfo
                  ) -> list[str]:
    """What taking a co-teacher (`name`) off the class cancelled, a line each: his pushes
    booked for later, each with the /push that books it again, and his announcements waiting
    out quiet hours."""
    lines = []
    for one in pushes:
        local = one.send_at.astimezone(tz)
        lines.append(catalog.render(
            "coteach-removed-push", lang, name=name, when=when(catalog, lang, one.send_at, tz),
            terms=", ".join(one.terms), pack=one.pack_id, class_name=class_name,
            time=f"{local:%H:%M}"))
    lines += [catalog.render("coteach-removed-announcement", lang, name=name, beginning=said)
              for said in announcements]
    return lines


def _unsent(key: str, one: Scheduled) -> str:
    """`key` for a waiting push with no message for anyone: "-choosing" when students joined
    but have not chosen a home language (so none could be written), else "-nobody" (nobody
    has joined)."""
    return f"{key}-choosing" if one.choosing else f"{key}-nobody"


def owned_lines(catalog: Catalog, lang: str, owned: Sequence[tuple[str, int]], kept: bool
                ) -> list[Markup]:
    """Who already had some of a push's words (a starter card, an earlier push), as (name,
    how many) pairs: they stay in their reviews; a bare /push (`kept` False) does not send
    those words to them again, and says so."""
    if not owned:
        return []
    if len(owned) == 1:
        name, count = owned[0]
        lines = [catalog.render("push-owned", lang, name=name, count=count)]
    else:
        lines = [catalog.render("push-owned-many", lang,
                                students=Counted("count-students", len(owned)),
                                names=", ".join(f"{name} ({count})" for name, count in owned))]
    if not kept:
        lines.append(catalog.render("push-owned-not-sent", lang))
    return lines
