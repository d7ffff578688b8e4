"""Benchmark "🔊 Listen to this message": one typical weekly family update (3 words learned,
3 being practised, 3 new; the science pack's ecosystems words) read aloud in Haitian Creole,
Spanish and Vietnamese: clip length, size and the time to make it (synthesis + encode, no
cache), then a cache hit. A clip is made once per text and language, then sent by file_id.

Usage: python bench/listen_message.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _quick import sized

from bot.presentation.family_views import family_update_spoken
from bot.presentation.i18n import Catalog
from bot.services.family_updates import FamilyUpdate
from bot.services.listen import message_note
from bot.services.packs import load_packs
from bot.speech import Speech

LANGUAGES = ("ht", "es", "vi")
LEARNED, PRACTISING, NEW = ("ecosystem", "habitat", "organism"), \
    ("prey", "predator", "consumer"), ("producer", "decomposer", "food chain")


def week(lang: str) -> FamilyUpdate:
    """A typical week's update about Ana for a family reading `lang`."""
    words = {w.term: w for p in load_packs().packs if p.id == "science.ecosystems"
             for w in p.words}

    def listed(terms: tuple[str, ...]) -> list[tuple[str, str | None]]:
        return [(t, words[t].glosses[lang].term if lang in words[t].glosses else None)
                for t in terms]

    return FamilyUpdate(1, 2001, lang, "Ana", listed(LEARNED), listed(PRACTISING), 1,
                        days=3, since=7, out_of=5, explain="prey", new=listed(NEW))


async def main(repeats: int) -> None:
    catalog = Catalog.load()
    print(f"one weekly update read aloud, {repeats} renders each with no cache:")
    for lang in LANGUAGES:
        spoken = family_update_spoken(week(lang), catalog)
        made, seconds, size = [], 0.0, 0
        for _ in range(repeats):
            with tempfile.TemporaryDirectory() as clips:
                speech = Speech.open(Path(clips))
                note = message_note(speech, lang, spoken)
                assert note is not None
                start = time.perf_counter()
                clip = await speech.clip(note.parts)
                made.append(time.perf_counter() - start)
                seconds, size = clip.seconds, len(clip.data)
                start = time.perf_counter()
                await speech.clip(note.parts)  # the disk cache
                hit = time.perf_counter() - start
        words = sum(len(text.split()) for _, text in spoken)
        print(f"  {lang}: {len(spoken)} parts, {words} words: clip {seconds:.1f} s, "
              f"{size / 1024:.0f} KB; made in median {statistics.median(made):.2f} s "
              f"(min {min(made):.2f}, max {max(made):.2f}); cache hit {hit * 1000:.1f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeats", type=int, default=3)
    asyncio.run(main(sized(parser.parse_args().repeats, 1)))
