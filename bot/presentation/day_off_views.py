"""Days off in Puente as a teacher reads them: the offer under a sent "no school"
announcement, and /daysoff's list with a button a day to make it a school day again."""

from __future__ import annotations

from datetime import date

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.presentation import callbacks
from bot.presentation.i18n import Catalog, Day, Markup
from bot.presentation.keyboards import rows
from bot.services.days_off import DaysOff, Typed


def offer(catalog: Catalog, lang: str, announcement_id: int, day: date
          ) -> tuple[Markup, InlineKeyboardMarkup]:
    """Ask whether the announced day is a day off in Puente too, with its one button."""
    add = callbacks.data(callbacks.DAY_OFF, callbacks.ADD, announcement_id)
    return catalog.render("dayoff-offer", lang, day=Day(day)), InlineKeyboardMarkup([[
        InlineKeyboardButton(catalog.plain("button-dayoff-add", lang), callback_data=add)]])


def listing(catalog: Catalog, lang: str, found: DaysOff, said: Markup | None = None
            ) -> tuple[Markup, InlineKeyboardMarkup | None]:
    """/daysoff: the days off set in Puente (who set each), a remove button each, then
    config.toml's next holidays (changed there only); `said` first (what a tap just did)."""
    lines = [said] if said else []
    if found.stored:
        lines.append(catalog.render("daysoff-title", lang))
        lines += [catalog.render("daysoff-line", lang, day=Day(d.day), name=d.set_by)
                  if d.set_by else catalog.render("daysoff-line-unnamed", lang, day=Day(d.day))
                  for d in found.stored]
    else:
        lines.append(catalog.render("daysoff-none", lang))
    if found.configured:
        lines.append(catalog.render("daysoff-holidays", lang, days=", ".join(
            catalog.day(lang, d) for d in found.configured)))
    lines.append(catalog.render("daysoff-add-hint", lang))
    buttons = [InlineKeyboardButton(
        catalog.plain("button-dayoff-remove", lang, day=Day(d.day)),
        callback_data=callbacks.data(callbacks.DAY_OFF, callbacks.REMOVE_DAY, f"{d.day:%Y%m%d}"))
        for d in found.stored]
    return Markup("\n".join(lines)), rows(buttons, 1) if buttons else None


def confirm_removal(catalog: Catalog, lang: str, day: date
                    ) -> tuple[Markup, InlineKeyboardMarkup]:
    """Ask before a day off becomes a school day again (one tap did it, unasked), with ✅ and
    ↩️ (back to the list, nothing changed)."""
    stamp = f"{day:%Y%m%d}"
    return catalog.render("dayoff-remove-confirm", lang, day=Day(day)), InlineKeyboardMarkup([[
        InlineKeyboardButton(catalog.plain("button-dayoff-remove-yes", lang),
                             callback_data=callbacks.data(callbacks.DAY_OFF,
                                                          callbacks.CONFIRM_REMOVE_DAY, stamp)),
        InlineKeyboardButton(catalog.plain("button-dayoff-keep", lang),
                             callback_data=callbacks.data(callbacks.DAY_OFF, callbacks.KEEP_DAY,
                                                          stamp))]])


def typed(catalog: Catalog, lang: str, added: Typed, text: str) -> Markup:
    """What `/daysoff DATE` did: the day off set for the whole school (by whom, no family
    told), or why nothing changed."""
    if added.day is None:
        return catalog.render(added.key, lang, text=text)
    if added.set_by is not None:
        return catalog.render(added.key, lang, day=Day(added.day), name=added.set_by)
    return catalog.render(added.key, lang, day=Day(added.day))
