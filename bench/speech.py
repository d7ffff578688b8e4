"""Benchmark pronunciation audio: synthesis + encode time per clip, cache hits, clip sizes, and
Bot API uploads when 1,000 students tap 🔊.

Usage: python bench/speech.py [--repeats 3] [--students 1000]

Every figure uses the real engine (eSpeak NG from the espeakng-loader wheel) and the real
encoder (libsndfile's Opus in the soundfile wheel). Part 1 renders every word of every shipped
pack three ways -- the word alone, a level 1-2 Spanish speaker's clip (word, gloss, word) and a
level 3-4 one (word, gloss, example) -- with no cache, `--repeats` times each. Part 2 reads
them back from the disk cache. Part 3 runs the real Application against the offline Bot API: a
class of students in 8 languages (3 without a voice) each taps "🔊" once. Goal from issue 10:
one upload per clip, whatever the number of students.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _quick import sized
from telegram import Update

from bot.app import build_application
from bot.config import Config
from bot.context import Services
from bot.demo.offline import OfflineBotAPI, UpdateFactory
from bot.domain.checks import WordRef
from bot.domain.scaffold import scaffold_for
from bot.presentation import callbacks
from bot.presentation.i18n import Catalog
from bot.services.listen import Recipe, script
from bot.services.packs import install_packs, load_packs
from bot.speech import Speech, load_engine
from bot.speech.encode import join, ogg_opus_seconds, to_ogg_opus
from bot.store import open_store, people
from bot.store import speech as uploads

NOW = datetime(2026, 9, 14, 15, 0, tzinfo=UTC)
LANGUAGES = ("es", "ar", "zh", "vi", "so", "hmn", "tl", "ht")  # so, hmn, tl: no voice


def spread(label: str, values: list[float], unit: str = "ms", scale: float = 1000) -> None:
    """Print min / median / max of `values`."""
    low, mid, high = min(values), statistics.median(values), max(values)
    print(f"  {label:<34} min {low * scale:7.2f}  median {mid * scale:7.2f}  "
          f"max {high * scale:7.2f} {unit}  (n={len(values)})")


def render(speech: Speech, refs: list[WordRef], repeats: int, kind: str, recipe: Recipe
           ) -> None:
    """Synthesise and encode each clip `repeats` times, bypassing the cache."""
    home = speech.voice_for("es")
    synth, encode, total, sizes, seconds = [], [], [], [], []
    for ref in refs:
        parts = script(ref, "es", home, speech.english, recipe)
        runs = []
        for _ in range(repeats):
            started = time.perf_counter()
            pcm = [speech.engine.synthesize(p.text, p.voice) for p in parts]
            made = time.perf_counter()
            data = to_ogg_opus(join(pcm))
            done = time.perf_counter()
            runs.append((made - started, done - made, done - started))
        synth.append(statistics.median(r[0] for r in runs))
        encode.append(statistics.median(r[1] for r in runs))
        total.append(statistics.median(r[2] for r in runs))
        sizes.append(len(data))
        seconds.append(ogg_opus_seconds(data))
    print(f"\n{kind}: {len(refs)} clips, median of {repeats} runs each")
    spread("synthesis (eSpeak NG)", synth)
    spread("resample + OGG/Opus encode", encode)
    spread("synthesis + encode", total)
    spread("clip length", seconds, "s", 1)
    spread("clip size", [s / 1024 for s in sizes], "KB", 1)


def cache_hits(speech: Speech, refs: list[WordRef]) -> None:
    """Time clips read back from the disk cache."""
    home = speech.voice_for("es")
    parts = [script(ref, "es", home, speech.english) for ref in refs]
    for p in parts:
        speech.clip_now(p)
    times = []
    for p in parts:
        started = time.perf_counter()
        clip = speech.clip_now(p)
        times.append(time.perf_counter() - started)
        assert clip.cached
    print("\ncache hits (hash the recipe, read the file, read its length)")
    spread("cached clip", times)


async def class_taps(speech: Speech, students: int) -> None:
    """A class of `students` in LANGUAGES taps 🔊 once each; count uploads and references."""
    db = open_store(None)
    install_packs(db, load_packs().packs, NOW)
    people.upsert_teacher(db, 1, "Ms. Rivera", NOW)
    school = people.create_class(db, 1, "Science 7B", "BENCHcode_1", NOW + timedelta(days=180),
                                 "science.ecosystems", NOW)
    for n in range(students):
        student_id = 10_000 + n
        people.upsert_student(db, student_id, f"S{n}", NOW)
        people.enroll(db, student_id, school.id, NOW)
        people.set_level(db, student_id, school.id, 1 + n // len(LANGUAGES) % 2, "teacher")
        people.set_student_language(db, student_id, LANGUAGES[n % len(LANGUAGES)])
    api, factory = OfflineBotAPI(), UpdateFactory()
    services = Services(Config(), db, Catalog.load(), lambda: NOW, random.Random(1),
                        speech=speech)
    app = build_application(services, request=api)
    await app.initialize()
    started = time.perf_counter()
    taps = []
    for n in range(students):
        user = factory.user(10_000 + n, f"S{n}", LANGUAGES[n % len(LANGUAGES)])
        before = time.perf_counter()
        await app.process_update(Update.de_json(
            factory.tap(user, callbacks.data(callbacks.AUDIO)), app.bot))
        taps.append(time.perf_counter() - before)
    elapsed = time.perf_counter() - started
    await app.shutdown()
    notes = [c for c in api.calls if c.method == "sendVoice"]
    uploaded = [c for c in notes if c.files]
    by_lang = Counter(LANGUAGES[(c.chat_id - 10_000) % len(LANGUAGES)] for c in uploaded)
    print(f"\n{students} students in {len(LANGUAGES)} languages tap 🔊 once each "
          f"(levels 1-2, science.ecosystems)")
    print(f"  voice notes sent                   {len(notes)}")
    print(f"  uploads (new clips)                {len(uploaded)}  "
          f"({sum(len(b) for c in uploaded for b in c.files.values()) // 1024} KB in all)")
    print(f"  sent by remembered file_id         {len(notes) - len(uploaded)}")
    print(f"  uploads per language               {dict(sorted(by_lang.items()))}")
    print(f"  clips remembered in the store      {uploads.upload_count(db).clips}")
    spread("a tap, first student of a language", taps[:len(LANGUAGES)])
    spread("a tap, every later student", taps[len(LANGUAGES):])
    print(f"  all taps                           {elapsed:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=sized(3, 1))
    # quick: still more students than languages, so "every later student" has taps to time
    parser.add_argument("--students", type=int, default=sized(1000, 16))
    args = parser.parse_args()
    started = time.perf_counter()
    engine = load_engine()
    print(f"{engine.version}, {len(engine.voices)} voices; engine loaded in "
          f"{(time.perf_counter() - started) * 1000:.1f} ms")
    refs = [WordRef(n, w) for n, w in enumerate(
        (w for pack in load_packs().packs for w in pack.words), start=1)]
    refs = refs[:sized(len(refs), 2)]  # quick: a few words, each still rendered three ways
    with tempfile.TemporaryDirectory(prefix="puente-bench-speech-") as tmp:
        speech = Speech.open(Path(tmp) / "clips")
        render(speech, refs, args.repeats, "word alone (a listening item)",
               Recipe(word_only=True))
        render(speech, refs, args.repeats, "levels 1-2 (word, es gloss, card frame)",
               Recipe.for_level(scaffold_for(1)))
        render(speech, refs, args.repeats, "levels 3-4 (word, es gloss, example)", Recipe())
        cache_hits(speech, refs)
        asyncio.run(class_taps(Speech.open(Path(tmp) / "class"), args.students))


if __name__ == "__main__":
    main()
