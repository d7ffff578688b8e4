"""Text typed while a placement question waits ("📚 = ?"): as at a check's question, a go at
its answers gets a pointer to the buttons, and a message the offer to send it to the teacher
alone. Lin (level 1, Mandarin) typed "猫" there and it was offered to the teacher,
while "好的" (ok) got the list of commands (playtest). "I don't know" or "I don't understand"
typed there ("не знаю", "di ko alam") is what the question's 🤷 says, so it gets the pointer to
the buttons (🤷 among them), never the offer: in their first minute, Artem and Maricel were
asked whether to send "не знаю" to their teacher as a message (playtest, Civics 10)."""

from __future__ import annotations

from telegram import Update

from bot.chat import speaker
from bot.chat.questions import point_to_question
from bot.chat.replies import say, user_reader
from bot.context import PuenteContext
from bot.domain.answer_attempts import tries_an_answer
from bot.domain.dont_know import says_dont_know, says_not_understood
from bot.services import join, relays

# user_data: (question, message id) of the placement question on screen; taken off when she
# leaves the placement for her words (cards.placement_left), where her text is no answer
PLACEMENT_ASKED = "placement_asked"


def asked(context: PuenteContext, question: int, message_id: int) -> None:
    """Note the placement question just sent, and its message."""
    context.user_data[PLACEMENT_ASKED] = (question, message_id)


def left(context: PuenteContext) -> None:
    """She left the placement for her words: her text is no longer an answer to it."""
    context.user_data.pop(PLACEMENT_ASKED, None)


async def text_at_placement(update: Update, context: PuenteContext, text: str) -> bool:
    """Point to the placement question on screen, or offer a message to the teacher; False
    when none is on screen (none open, or she left it for her words)."""
    user, chat = update.effective_user, update.effective_chat
    on_screen = context.user_data.get(PLACEMENT_ASKED)
    if user is None or chat is None or on_screen is None:
        return False
    question = join.unfinished_placement(context.services.db, user.id)
    if question is None or question != on_screen[0]:
        return False
    options = join.placement_items(context.services.db, user.id)[question].options
    says_so = says_dont_know(text) or says_not_understood(text)  # 🤷 is one of the buttons
    if not says_so and not tries_an_answer(text, options) and relays.worth_offering(text):
        await speaker.free_text(update, context, text)  # a message: the offer alone
        return True
    reader = user_reader(context, user.id)
    if not await point_to_question(context, chat.id, on_screen[1], reader.language or "en",
                                   "tap-an-answer", reader.english_first):
        await say(update, context, "tap-an-answer")  # its message deleted: the pointer alone
    return True
