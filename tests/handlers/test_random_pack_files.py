"""Whatever file a teacher sends as a pack, she gets a clear answer and her saved pack stays
whole: seeded random damage to a good spreadsheet (cut and doubled rows, stray quotes and
bytes, other encodings and delimiters, empty and huge cells, odd file names), each sent after
a good version of the same file was saved."""

from __future__ import annotations

import logging
import os
import random

import pytest

from tests.harness import TEACHER_ID, Chat, texts

GOOD = """term,pos,tier,definition,example,cloze,es_term,ar_term
evaporation,noun,3,When water changes into a gas.,Evaporation dries the wet road.,A puddle is gone because of evaporation.,evaporación,تبخر
condensation,noun,3,When gas cools and turns into liquid.,We saw condensation on the cold glass.,,condensación,تكثف
precipitation,noun,3,Water that falls from clouds as rain or snow.,The forecast shows heavy precipitation today.,,precipitación,
water cycle,phrase,3,The way water moves between the ground and the sky.,The water cycle never stops.,,ciclo del agua,دورة الماء
"""  # noqa: E501
NAME = "Water cycle.csv"
ODD_NAMES = ["Water cycle.CSV", "../../Water cycle.csv", "Water cycle.csv.txt", "🙂.csv",
             "x" * 200 + ".csv", ".csv", "Water cycle.toml", "A&B <1>.csv", "ciclo del agua.csv"]
SNIPPETS = ['"', '""', ",", ";", "\t", "\r", "\n", "\x00", "\ufeff", "<b>", "&", "é",
            "x" * 400, "noun", "9", "", "\u202e"]
SEEDS = int(os.environ.get("PACK_SEEDS", 12))  # more: PACK_SEEDS=200


def damaged(rng: random.Random, text: str) -> bytes:
    """The good file, broken one to three ways."""
    for _ in range(rng.randint(1, 3)):
        lines = text.split("\n")
        match rng.randrange(8):
            case 0:  # a row cut short, or a line lost
                n = rng.randrange(len(lines))
                lines[n] = lines[n][: rng.randrange(len(lines[n]) + 1)]
            case 1:  # a row twice
                n = rng.randrange(len(lines))
                lines.insert(n, lines[n])
            case 2:  # something typed in a cell
                n = rng.randrange(len(lines))
                at = rng.randrange(len(lines[n]) + 1)
                lines[n] = lines[n][:at] + rng.choice(SNIPPETS) + lines[n][at:]
            case 3:  # the columns in another order, or one renamed
                header = lines[0].split(",")
                rng.shuffle(header) if rng.random() < 0.5 else header.__setitem__(
                    rng.randrange(len(header)), rng.choice(["Term", "word", "", "es_term"]))
                lines[0] = ",".join(header)
            case 4:  # saved with semicolons (a European spreadsheet)
                lines = [line.replace(",", ";") for line in lines]
            case 5:  # many rows
                lines += [f"word{n},noun,2,A meaning {n}.,word{n} is used here." for n in
                          range(rng.choice([50, 400]))]
            case 6:  # only the header, or nothing
                lines = lines[: rng.randrange(2)]
            case _:  # a cell emptied
                n = rng.randrange(1, len(lines))
                cells = lines[n].split(",")
                cells[rng.randrange(len(cells))] = ""
                lines[n] = ",".join(cells)
        text = "\n".join(lines)
    encoding = rng.choice(["utf-8", "utf-8", "utf-8", "utf-16", "latin-1", "cp1252"])
    data = text.encode(encoding, errors="replace")
    if rng.random() < 0.1:
        at = rng.randrange(len(data) + 1)
        data = data[:at] + bytes(rng.randrange(256) for _ in range(8)) + data[at:]
    return data


async def upload(chat: Chat, name: str, content: bytes) -> str:
    file_id = f"f{len(chat.api.uploads) + 1}"
    chat.api.uploads[file_id] = content
    return texts(await chat.process(chat.factory.document(
        chat.user(TEACHER_ID, "Rivera", "en"), file_id, name, len(content))))


def saved_words(chat: Chat) -> list[tuple]:
    return chat.db.execute(
        "SELECT w.pack_id, w.term, w.definition, w.example FROM words w JOIN packs p "
        "ON p.id = w.pack_id WHERE p.owner_teacher_id = ? ORDER BY w.pack_id, w.position",
        [TEACHER_ID]).fetchall()


@pytest.mark.parametrize("seed", range(SEEDS))
async def test_a_damaged_pack_file_is_explained_and_the_saved_pack_stays(
        chat: Chat, seed: int, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.ERROR)
    rng = random.Random(seed)
    assert "4" in await upload(chat, NAME, GOOD.encode())
    before = saved_words(chat)
    name = rng.choice(ODD_NAMES) if rng.random() < 0.3 else NAME
    reply = await upload(chat, name, damaged(rng, GOOD))
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not failures, failures[0].exc_text
    assert reply.strip(), "the teacher heard nothing"
    after = saved_words(chat)
    if after != before:  # saved: then the reply says so, and names the pack
        assert "is ready with" in reply, reply
        assert all(term.strip() and definition.strip() for _, term, definition, _ in after)
    else:
        assert "is ready with" in reply or any(line in reply for line in (
            "Nothing was added", "Please send a .toml or .csv file")), reply
