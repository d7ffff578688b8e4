"""/newpack sends a small sample CSV beside its explanation (playtest: a coordinator could not
guess the shape of a pack file from a line of column names): the first words of a shipped
pack, with the header the importer reads, quotes round a cell with a comma, and it goes back
in as a pack as it is."""

from __future__ import annotations

import csv
import io

from tests.harness import TEACHER_ID, Chat, texts


async def test_newpack_sends_a_sample_csv_of_real_words_that_imports_as_it_is(
        chat: Chat) -> None:
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    calls = await chat.send(teacher, "/newpack")
    [document] = [c for c in calls if c.method == "sendDocument"]
    raw = next(iter(document.files.values()))
    assert list(document.file_names.values()) == ["sample-pack.csv"]
    text = raw.decode("utf-8-sig")  # a BOM, so a spreadsheet reads "ecosistema" right
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:5] == ["term", "pos", "tier", "definition", "example"]
    assert "es_term" in rows[0] and "es_definition" in rows[0]
    assert [r[0] for r in rows[1:]] == ["ecosystem", "organism", "habitat"]
    assert '"A pond is a small ecosystem with fish, plants, water and rocks."' in text
    assert "open it in a spreadsheet" in document.params["caption"]
    # sent back unchanged, it is a pack of three words
    chat.api.uploads["s1"] = raw
    saved = texts(await chat.process(chat.factory.document(teacher, "s1", "sample-pack.csv",
                                                           len(raw))))
    assert "is ready with 3 words" in saved, saved
