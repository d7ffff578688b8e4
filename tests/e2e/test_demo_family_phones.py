"""`puente demo` plays several family members: `family NAME LANG` adds a phone,
`{family-link:NAME}` is the link made for student NAME, `reply [WORDS ||] TEXT` answers a
message with Telegram's reply."""

from __future__ import annotations

from bot.demo.player import run_demo


async def play(script: str) -> str:
    lines: list[str] = []
    await run_demo(script.strip().splitlines(), out=lines.append)
    return "\n".join(lines)


TWO_STUDENTS = """
/start {code}
tap Español
student Luis
/start {code}
tap Español
as teacher
/family Luis
/family Ana
family Hodan so
/start {family-link:Luis}
tap Soomaali
"""


async def test_a_family_phone_opens_the_link_made_for_the_named_student() -> None:
    printed = await play(TWO_STUDENTS)
    assert "👪 Hodan: /start f_" in printed
    welcome = printed.split("👪 Hodan: /start f_", 1)[1]
    # the newest link is Ana's; Hodan opened Luis's, in Somali (her phone's language)
    assert "waxbarashada Luis" in welcome
    assert "Ana" not in welcome.split("\n\n")[0]


async def test_a_reply_reaches_the_bot_as_a_reply_to_the_message_named() -> None:
    printed = await play(TWO_STUDENTS + """
as teacher
/announce Field trip on Friday: bring lunch.
tap Send to families
wait 1d
as Hodan
reply Field || Mahadsanid, waan fahmay
""")
    assert "(replies to «📢 Macallinka Science 7B:»)" in printed
    after = printed.split("(replies to", 1)[1]
    # a reply to an announcement goes to the teacher who made it, at once (playtest M3)
    assert "Fariintaadu waxay u socotaa macallinka Luis" in after


async def test_a_reply_with_nothing_to_reply_to_says_how_to_use_it() -> None:
    printed = await play("reply Nothing here || hello")
    assert "(reply takes [WORDS ||] TEXT" in printed


async def test_every_added_phone_is_a_different_person() -> None:
    """An added family phone never shares a Telegram id with an added student (the first
    family phone once was the second added student, and got her cards and reminders)."""
    printed = await play("""
student Luis
student Hodan so
/start {code}
tap Soomaali
family Faadumo so
/words
""")
    assert "👪 Faadumo: /words" in printed
    answer = printed.split("👪 Faadumo: /words", 1)[1]
    assert "Weli fasal kuma jirtid" in answer  # not in a class: she is not Hodan


async def test_a_script_joins_a_class_the_teacher_made_in_it_by_its_name() -> None:
    # /newclass draws a fresh code, so a replayed script names the class instead
    printed = await play("""
as teacher
/newclass Math 6A
/newclass Art 6B
as student
/start {code:Math 6A}
""")
    assert "You joined <b>Math 6A</b>" in printed or "You joined Math 6A" in printed
    assert "{code:" not in printed


async def test_twice_sends_the_same_message_twice_a_second_apart() -> None:
    printed = await play("twice hello")  # a stranger: each copy gets its own answer
    assert printed.count("🧒 Student: twice hello") == 1
    assert printed.count("open the link your teacher gave you") == 2


async def test_a_second_teacher_phone_co_teaches_with_the_code_shown() -> None:
    # playtest (Chem 11): /coteach codes are drawn at random, so no script could play the
    # co-teacher; {coteach} is the last one the bot showed
    printed = await play("""
as teacher
/coteach
student Ali en
/teach {coteach}
/classes
""")
    assert "You now co-teach Science 7B." in printed
    assert "👥 Teachers: Ms. Rivera (created the class), Ali" in printed
