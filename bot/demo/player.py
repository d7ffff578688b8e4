"""`puente demo`: play a student (or teacher, or family member) in the terminal against the
real Application, handlers and a temporary store, with an offline Bot API in place of
Telegram's servers. `wait` runs the real scheduled jobs at their simulated times."""

from __future__ import annotations

import asyncio
import json
import random
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import Application

from bot.app import build_application
from bot.config import Config
from bot.context import Services
from bot.delivery import report_finished
from bot.demo.offline import Call, OfflineBotAPI, UpdateFactory
from bot.demo.timeline import Moment, Timeline
from bot.domain import tiles
from bot.presentation import callbacks
from bot.presentation.i18n import Catalog
from bot.presentation.views import plain_text, unmarked
from bot.services.join import new_class_code, new_code
from bot.speech import open_speech
from bot.store import check_items, open_store, outbox, people
from bot.translation.translator import Translator

DEMO_TEACHER = 5550001
DEMO_STUDENT = 5550002
DEMO_FAMILY = 5550003
# Phones added with `student NAME` and `family NAME` count up from here, apart from each other
# (never the same Telegram id: one person's messages would reach the other)
EXTRA_STUDENTS = 5551000
EXTRA_FAMILY = 5552000
# A person needs a few seconds to read a reply and type or tap the next thing: each action
# moves the clock this much, so a long script reads like a person, not a flood (the flood
# guard drops a burst of messages, as it must from a real user).
HUMAN_PACE = timedelta(seconds=4)
# Answering a question takes longer: reading it (a home-language word, a meaning, 2-4 options)
# and choosing. At HUMAN_PACE alone every answer took 4 s, the "answers very fast" line
# (guessing.FAST_SECONDS), so an honest, struggling child in every demo was flagged "⏱️ maybe
# tapping without reading" (playtest). An answer takes 10 s here; a letter tile 1.5 s more.
READING_PACE = timedelta(seconds=6)
TILE_PACE = timedelta(seconds=1.5)
HELP = """Type what a user would send. Commands:
  /start CODE, /words, /check, ...   sent as a message ({code}: the demo class's code;
                                      {code:CLASS}: the code of the class called CLASS that a
                                      teacher made with /newclass; {family-link}: the last
                                      family link; {family-link:NAME}: the last one made for
                                      student NAME; {coteach}: the last /coteach code, which
                                      another phone sends as /teach {coteach})
  reply [WORDS ||] TEXT               send TEXT as a reply to the newest message you were shown
                                      (the newest one containing WORDS, when given)
  tap N | tap LABEL                   press button N of the last message with buttons that you
                                      were shown (or the newest button labelled LABEL)
  answer right | answer wrong         answer the open question correctly or not (tap or type)
  twice TEXT                          send TEXT twice, a second apart (a double tap on send)
  wait 2d | wait 3h | wait 30m        move the clock forward: reminders, family updates and
                                      other daily jobs run at their times on the way
  as teacher | as student | as family switch who you are
  student NAME [LANG]                 another student's phone (phone language LANG, e.g. so),
                                      then `as NAME`: a class of several, each with a reply
  family NAME [LANG]                  another family member's phone, then `as NAME`
  help | quit"""


@dataclass
class DemoClock:
    now: datetime = field(default_factory=lambda: datetime(2026, 9, 14, 19, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now


class Demo:
    """Drive the Application like a Telegram client would, printing the conversation."""

    def __init__(self, store_path: Path, out: Callable[[str], None] = print,
                 phone_language: str = "es", seed: int = 7) -> None:
        self.out = out
        self.clock = DemoClock()
        self.api = OfflineBotAPI()
        self.factory = UpdateFactory()
        self.db = open_store(store_path)
        config = replace(Config(), store_path=store_path)
        self.services = Services(config, self.db, Catalog.load(), self.clock,
                                 random.Random(seed), Translator(self.db, config.translation,
                                                                     clock=self.clock),
                                 speech=open_speech(config.speech, store_path))
        self.app: Application = build_application(self.services, request=self.api)
        self.timeline = Timeline(self.app.job_queue)
        self.users = {
            "student": self.factory.user(DEMO_STUDENT, "Ana", phone_language),
            "teacher": self.factory.user(DEMO_TEACHER, "Ms. Rivera", "en"),
            "family": self.factory.user(DEMO_FAMILY, "Rosa", phone_language)}
        self.who = "student"
        self.phone_language = phone_language
        self.extra_students: list[str] = []  # keys of the students added with `student NAME`
        self.extra_family: list[str] = []  # ... and of the family members added with `family`
        self.seen: dict[int, int] = {}  # per user: how many API calls they have "read"
        self.last: dict[int, Call] = {}  # per user: the last message with buttons they saw
        self.stamps: dict[int, datetime] = {}  # call index -> when a scheduled job sent it
        self.stamp_shown: dict[int, datetime] = {}  # per user: the last time shown above a call
        self.code = ""

    async def open(self) -> None:
        """Start the Application and set up a class the student can join."""
        await self.app.initialize()
        if self.app.post_init:
            await self.app.post_init(self.app)
        # The job queue is not started: the demo's clock is simulated, so `wait` runs the jobs
        # and the delivery step itself at their simulated times (bot/demo/timeline.py).
        now = self.clock()
        people.upsert_teacher(self.db, DEMO_TEACHER, "Ms. Rivera", now)
        rng = self.services.rng  # seeded: the same script prints the same conversation
        # Drawn as before class codes lost their look-alikes, so the seeded conversation
        # after it (which questions, in which order) is the one the transcript shows
        self.code = new_class_code(random.Random(new_code(rng.choice)).choice)
        people.create_class(self.db, DEMO_TEACHER, "Science 7B", self.code,
                            now + timedelta(days=180), "science.ecosystems", now)
        self.seen = {u["id"]: len(self.api.calls) for u in self.users.values()}
        self.out(f"Puente demo. Your class link: t.me/PuenteDemoBot?start={self.code}")
        self.out(f"Try: /start {self.code}   (type 'help' for demo commands)")

    async def close(self) -> None:
        await self.app.shutdown()
        self.db.close()

    async def send(self, line: str) -> bool:
        """Act on one input line; False when the user wants to quit."""
        line = re.sub(r"\{family-link(?::([^}]+))?\}",
                      lambda found: self._family_link(found[1]),
                      line.strip().replace("{code}", self.code))
        line = re.sub(r"\{code:([^}]+)\}", lambda found: self._class_code(found[1]), line)
        line = line.replace("{coteach}", self._coteach_code())
        if not line or line.startswith("#"):
            return True
        self.out(f"\n{self._who_label()}: {line}")
        words = line.split()
        verb = words[0].lower()
        if verb in ("quit", "exit"):
            return False
        if verb == "help":
            self.out(HELP)
        elif verb == "as" and len(words) == 2 and words[1] in self.users:
            self.who = words[1]
            self._print_new()  # what arrived for them meanwhile
        elif verb == "student" and 2 <= len(words) <= 3:
            self._add_phone(words[1], words[2] if len(words) == 3 else self.phone_language)
        elif verb == "family" and 2 <= len(words) <= 3:
            self._add_phone(words[1], words[2] if len(words) == 3 else self.phone_language,
                            family=True)
        elif verb == "reply" and len(words) >= 2:
            self.clock.now += HUMAN_PACE
            await self._reply(line.split(maxsplit=1)[1])
        elif verb == "wait" and len(words) == 2:
            await self._wait(words[1])
        elif verb == "tap" and len(words) >= 2:
            self.clock.now += HUMAN_PACE
            await self._tap(line.split(maxsplit=1)[1])
        elif verb == "twice" and len(words) >= 2:
            # The same text sent twice in a moment, as a double tap on send or a phone
            # resending on a weak network does: two messages, one second apart
            self.clock.now += HUMAN_PACE
            text = line.split(maxsplit=1)[1]
            await self._process(self.factory.message(self.users[self.who], text))
            self.clock.now += timedelta(seconds=1)
            await self._process(self.factory.message(self.users[self.who], text))
        elif verb == "answer" and len(words) == 2:
            self.clock.now += HUMAN_PACE
            await self._answer(words[1] == "right")
        else:
            self.clock.now += HUMAN_PACE
            await self._process(self.factory.message(self.users[self.who], line))
        return True

    def _who_label(self) -> str:
        if self.who in self.extra_students:
            return f"🧒 {self.users[self.who]['first_name']}"
        if self.who in self.extra_family:
            return f"👪 {self.users[self.who]['first_name']}"
        return {"teacher": "👩‍🏫 Teacher", "family": "👪 Family"}.get(self.who, "🧒 Student")

    def _add_phone(self, name: str, language: str, family: bool = False) -> None:
        """Another student's (or family member's) phone, named `name`, which `as name`
        switches to."""
        if name in self.users:
            self.out(f"(there is already a phone called {name})")
            return
        added = self.extra_family if family else self.extra_students
        user_id = (EXTRA_FAMILY if family else EXTRA_STUDENTS) + len(added)
        self.users[name] = self.factory.user(user_id, name, language)
        added.append(name)
        self.seen[user_id] = len(self.api.calls)
        self.who = name
        self.out(f"(a new phone: {name}, set to {language}; `as {name}` comes back to it)")

    def _family_link(self, student: str | None = None) -> str:
        """The code of the last family link the bot showed anyone (they are never seeded), or
        of the last one made for the student called `student`."""
        found = (re.search(r"start=(f_[\w-]+)", call.text) for call in reversed(self.api.calls)
                 if student is None or student.strip() in call.text)
        return next((match[1] for match in found if match), "")

    def _coteach_code(self) -> str:
        """The last co-teacher code the bot showed anyone (drawn by `secrets`: a script cannot
        know it, so a co-teacher could not be played from one; playtest)."""
        found = (re.search(r"/teach (\S+)", plain_text(call.text))
                 for call in reversed(self.api.calls))
        return next((match[1] for match in found if match), "")

    def _class_code(self, name: str) -> str:
        """The join code of the newest class link the bot showed with `name` beside it (a class
        a teacher made with /newclass: its code is drawn fresh, so a script cannot know it)."""
        found = (re.search(r"start=([A-Z0-9]{6,})\b", call.text)
                 for call in reversed(self.api.calls) if name.strip() in call.text)
        return next((match[1] for match in found if match), "")

    async def _reply(self, rest: str) -> None:
        """Send a message as a Telegram reply to the newest message this person was shown
        (containing `WORDS` when the line reads `WORDS || TEXT`)."""
        words, _, text = rest.rpartition("||")
        words, text = words.strip().lower(), text.strip()
        user = self.users[self.who]
        replied = next((c for c in reversed(self.api.calls[:self.seen.get(user["id"], 0)])
                        if c.chat_id == user["id"] and c.method.startswith("send") and
                        words in plain_text(c.text).lower()), None)
        if replied is None or not text:
            self.out("(reply takes [WORDS ||] TEXT, and a message you were shown to reply to)")
            return
        shown = int(replied.params.get("message_id") or replied.result_id or 1)
        self.out(f"   (replies to «{plain_text(replied.text).split(chr(10))[0][:60]}»)")
        update = self.factory.message(user, text)
        quoted = self.api.showing(user["id"], shown)
        if quoted is not None:
            update["message"]["reply_to_message"] = quoted
        await self._process(update)

    async def _wait(self, amount: str) -> None:
        """Move the clock, running on the way what the bot's scheduled jobs and its deliverer
        would have done, each at its own time."""
        match = re.fullmatch(r"(\d+)([dhm])", amount)
        if match is None:
            self.out("(wait takes 2d, 3h or 30m)")
            return
        unit = {"d": "days", "h": "hours", "m": "minutes"}[match[2]]
        end = self.clock.now + timedelta(**{unit: int(match[1])})
        while (moment := self._next_moment(end)) is not None:
            self.clock.now = moment.at
            first = len(self.api.calls)
            await self.deliver()  # what fell due by now goes out before the jobs run
            for job in moment.jobs:
                await job.run(self.app)  # the real callback, with the clock at its time
                self.timeline.done(job, moment.at)
                await self.deliver()
            self.stamps.update(dict.fromkeys(range(first, len(self.api.calls)), moment.at))
            self._print_new()
        self.clock.now = end
        self.out(f"(the clock is now {self._local(end)})")
        await self.deliver()
        self._print_new()

    def _next_moment(self, end: datetime) -> Moment | None:
        """The next moment up to `end` at which jobs fire or an outbox row falls due."""
        now = self.clock.now
        jobs = self.timeline.next_moment(now, end)
        due = outbox.next_due(self.db)
        if due is not None and now < due <= end and (jobs is None or due < jobs.at):
            return Moment(due, ())
        return jobs

    def _local(self, moment: datetime) -> str:
        """A moment as the school reads it (the demo's clock runs in UTC)."""
        local = moment.astimezone(self.services.config.school.timezone)
        return f"{local:%a %d %b %H:%M} school time, {moment.astimezone(UTC):%H:%M} UTC"

    async def _process(self, data: dict[str, Any]) -> None:
        await self.app.process_update(Update.de_json(data, self.app.bot))
        await self.deliver()  # what the background deliverer would send meanwhile
        self._print_new()

    async def deliver(self) -> None:
        """Run one outbox pass and the push reports, as the background loop would."""
        deliverer = self.app.bot_data.deliverer
        if deliverer is not None:
            await deliverer.deliver_due()
        await report_finished(self.app.bot, self.services)

    def _print_new(self) -> None:
        user_id = self.users[self.who]["id"]
        start = self.seen.get(user_id, 0)
        for index, call in enumerate(self.api.calls[start:], start):
            if call.chat_id != user_id:
                continue
            rendered = self._render(call)
            when = self.stamps.get(index)
            if rendered and when is not None and self.stamp_shown.get(user_id) != when:
                self.stamp_shown[user_id] = when  # sent by a scheduled job: say when
                self.out(f"({self._local(when)})")
            if rendered:
                self.out(rendered)
            if call.buttons or call.method == "sendPoll":
                self.last[user_id] = call  # what this person can tap, nobody else
        self.seen[user_id] = len(self.api.calls)

    def _render(self, call: Call) -> str | None:
        if call.method == "sendMessage" and call.reply_to is not None:  # a line under a card
            quoted = self.api.shown.get((call.chat_id or 0, call.reply_to), {})
            first = plain_text(str(quoted.get("text") or "")).split("\n")[0]
            text = f"🤖 Puente (a reply to «{first}» above): {plain_text(call.text)}"
        elif call.method == "sendMessage":
            text = f"🤖 Puente: {plain_text(call.text)}"
        elif call.method == "sendPoll":
            labels = _poll_labels(call)
            text = f"🤖 Puente (quiz): {unmarked(call.text)}\n" + "\n".join(
                f"   ({i + 1}) {unmarked(label)}" for i, label in enumerate(labels))
            return text
        elif call.method == "sendPhoto":
            text = f"🤖 Puente: [picture {_file_label(call)}]\n{plain_text(call.text)}"
        elif call.method == "sendVoice":
            size = sum(len(b) for b in call.files.values())
            sent = f"{size // 1024 + 1} KB OGG/Opus" if size else "sent again by file_id"
            text = (f"🤖 Puente: [voice note, {call.params.get('duration', '?')} s, {sent}] "
                    f"{plain_text(call.text)}")
        elif call.method == "sendDocument":
            caption = plain_text(call.text)  # often just the file's name again
            caption = "" if caption in call.file_names.values() else f" {caption}"
            text = f"🤖 Puente: [file {_file_label(call)}]{caption}"
            text += _csv_preview(call)
        elif call.method == "editMessageText":  # a check answered in place
            text = f"🤖 Puente (same message, updated): {plain_text(call.text)}"
        elif call.method == "editMessageCaption":  # a listening item answered on its note
            text = f"🤖 Puente (the voice note above, updated): {plain_text(call.text)}"
        else:
            return None
        if call.buttons:
            text += "\n" + "  ".join(f"[{i + 1} {plain_label(label)}]"
                                     for i, (label, _) in enumerate(call.buttons))
        return text

    async def _tap(self, choice: str, call: Call | None = None) -> None:
        call = call or self._showing(choice) or self.last.get(self.users[self.who]["id"])
        if call is None:
            self.out("(there is no button to tap)")
            return
        if call.method == "sendPoll":
            # matched as buttons are (`tap 🤷` for "🤷 No sé · I don't know"): an option
            # compared as its JSON never matched, and a vote for option -1 was sent
            labels = _poll_labels(call)
            index = int(choice) - 1 if choice.isdigit() else _button_index(labels, choice)
            if not 0 <= index < len(labels):
                self.out("(no such option: tap N, a whole option, or the start of one option)")
                return
            self.out(f"   (votes ({index + 1}) {unmarked(labels[index])})")
            self.clock.now += READING_PACE  # a question read before its answer is tapped
            await self._process(self.factory.poll_answer(self.users[self.who],
                                                         self._poll_id(call), index))
            return
        buttons = call.buttons
        index = int(choice) - 1 if choice.isdigit() else _button_index(
            [plain_label(label) for label, _ in buttons], choice)
        if not 0 <= index < len(buttons):
            self.out("(no such button: tap N, a whole label, or the start of one label)")
            return
        self.out(f"   (taps [{plain_label(buttons[index][0])}])")
        if buttons[index][1].startswith(f"{callbacks.ANSWER}:"):  # read before it is chosen
            self.clock.now += READING_PACE
        shown = int(call.params.get("message_id") or call.result_id or 1)  # the message tapped
        user = self.users[self.who]
        start = len(self.api.calls)
        await self._process(self.factory.tap(user, buttons[index][1], shown,
                                             self.api.showing(user["id"], shown)))
        # The tap's own answer pops up over the chat (it names no chat, so _print_new skips
        # it): a tap that changed nothing says why there, and the demo must show it too
        for toast in self.api.calls[start:]:
            if toast.method == "answerCallbackQuery" and toast.text:
                self.out(f"🤖 Puente (a note over the chat): {toast.text}")

    def _showing(self, label: str) -> Call | None:
        """The newest message to the current user that shows a button labelled `label` now (a
        card above the question can still be turned), or None. Each message as it shows now:
        a card turned since it was sent no longer offers its first Next, and tapping that
        old copy made a Next on the newest cards look old (playtest, Arabic level 3)."""
        user_id = self.users[self.who]["id"]
        seen: set[int] = set()
        for call in reversed(self.api.calls):
            shown = int(call.params.get("message_id") or call.result_id or 0)
            if call.chat_id != user_id or not shown or shown in seen:
                continue  # not hers, or an earlier state of a message seen newer already
            seen.add(shown)
            if _button_index([plain_label(b) for b, _ in call.buttons], label) >= 0:
                return call
        return None

    def _poll_id(self, call: Call) -> str:
        item = check_items.next_open_item(self.db, self.users[self.who]["id"])
        return item.poll_id or "" if item else ""

    async def _answer(self, right: bool) -> None:
        item = check_items.next_open_item(self.db, self.users[self.who]["id"])
        if item is None:
            self.out("(no question is open)")
            return
        options = list(item.item.options)
        done = callbacks.data(callbacks.TILES, item.id, callbacks.TILE_DONE)
        user_id = self.users[self.who]["id"]
        spelled_on = next((c for c in reversed(self.api.calls) if c.chat_id == user_id
                           and any(data == done for _, data in c.buttons)), None)
        if spelled_on is not None:  # levels 1-2: letter tiles instead of options (and at
            await self._spell(item, right, spelled_on)  # level 1 on a question to write)
            return
        if item.item.typed:
            text = item.item.answer if right else "banana"
            self.out(f"   (types: {text})")
            self.clock.now += READING_PACE
            await self._process(self.factory.message(self.users[self.who], text))
            return
        index = options.index(item.item.answer)
        if not right:
            index = (index + 1) % len(options)
        wanted = callbacks.data(callbacks.ANSWER, item.id, index)
        # the question's own message (its quiz poll, or its buttons): the newest message with
        # buttons may be a card sent after it, by /words
        question = next((c for c in reversed(self.api.calls)
                         if c.chat_id == self.users[self.who]["id"]
                         and (c.method == "sendPoll" if item.poll_id
                              else any(data == wanted for _, data in c.buttons))), None)
        if question is None:
            self.out("(the question's message is gone)")
            return
        place = index if item.poll_id else next(
            i for i, (_, data) in enumerate(question.buttons) if data == wanted)
        await self._tap(str(place + 1), question)


    async def _spell(self, item: check_items.StoredItem, right: bool, call: Call) -> None:
        """Tap the word's letter tiles (or, for a wrong answer, a wrong word on every blank:
        ✅ grades nothing shorter), then ✅: the transcript shows the letters tapped and the
        feedback, not each letter's edit."""
        deal = tiles.tiles_for(item.item, item.id)
        word = item.item.answer.lower() if right else tiles.a_miss(item.item.answer, deal)
        picks = tiles.picks_for(word, deal) or ()
        user = self.users[self.who]
        shown = int(call.params.get("message_id") or call.result_id or 1)
        self.out(f"   (taps the tiles {' '.join(deal[i] for i in picks)}, then ✅)")
        self.clock.now += READING_PACE
        for i in picks:
            self.clock.now += TILE_PACE
            await self.app.process_update(Update.de_json(self.factory.tap(
                user, callbacks.tile_data(item.id, i, deal[i]), shown,
                self.api.showing(user["id"], shown)), self.app.bot))
        self.seen[user["id"]] = len(self.api.calls)  # each letter's edit goes unprinted
        await self._process(self.factory.tap(
            user, callbacks.data(callbacks.TILES, item.id, callbacks.TILE_DONE), shown,
            self.api.showing(user["id"], shown)))


CSV_LINES = 6  # a report's CSV in the terminal: its header and first rows


def _file_label(call: Call) -> str:
    """An uploaded file as the terminal shows it: its name and size (never "0 KB")."""
    size = sum(len(b) for b in call.files.values())
    if not size:
        return "sent again by file_id"
    name = next(iter(call.file_names.values()), "file")
    return f"{name}, {size / 1024:.1f} KB" if size < 10_240 else f"{name}, {size // 1024} KB"


def _csv_preview(call: Call) -> str:
    """The first lines of a CSV the bot sent, so the demo shows what a teacher downloads."""
    if not any(name.endswith(".csv") for name in call.file_names.values()):
        return ""
    content = next(iter(call.files.values())).decode("utf-8-sig", errors="replace")
    lines = content.splitlines()
    shown = "\n".join(f"   | {line}" for line in lines[:CSV_LINES])
    more = f"\n   | ... ({len(lines) - CSV_LINES} more rows)" if len(lines) > CSV_LINES else ""
    return f"\n{shown}{more}"


def _poll_labels(call: Call) -> list[str]:
    """A quiz poll's options as the phone shows them (the Bot API takes strings or objects)."""
    options = call.params.get("options", [])
    if isinstance(options, str):  # sent as JSON by the HTTP request
        options = json.loads(options)
    return [o if isinstance(o, str) else str(o.get("text", "")) for o in options]


def _button_index(labels: list[str], wanted: str) -> int:
    """The button labelled `wanted` (any case), else the only one whose label starts with it
    (`tap 🤷` for "🤷 No sé"); -1 when none or several do."""
    wanted = wanted.strip().lower()
    exact = [i for i, label in enumerate(labels) if label.lower() == wanted]
    if exact:
        return exact[0]
    starts = [i for i, label in enumerate(labels) if label.lower().startswith(wanted)]
    return starts[0] if len(starts) == 1 else -1


def plain_label(label: str) -> str:
    """A button label for the terminal: without the marks that keep numbers in place in a
    right-to-left label (a terminal shows them as boxes)."""
    return unmarked(label)


async def run_demo(lines: Iterable[str] | None, out: Callable[[str], None] = print,
                   phone_language: str = "es") -> None:
    """Run a demo: from `lines` (a script) or, when None, interactively from the terminal."""
    with tempfile.TemporaryDirectory(prefix="puente-demo-") as tmp:
        demo = Demo(Path(tmp) / "demo.db", out, phone_language)
        await demo.open()
        try:
            if lines is not None:
                for line in lines:
                    if not await demo.send(line):
                        break
            else:
                while True:
                    try:
                        line = await asyncio.to_thread(input, "> ")
                    except EOFError:
                        break
                    if not await demo.send(line):
                        break
        finally:
            await demo.close()
