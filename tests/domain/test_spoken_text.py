"""What "🔊 Listen to this message" reads of a message: its words, each in its language's
voice, with no emoji, tags or command slashes for a voice to stumble on."""

from __future__ import annotations

from bot.domain.spoken_text import spoken_segments


def test_the_english_words_taught_are_read_in_english_and_the_rest_in_creole() -> None:
    said = spoken_segments("🌟 Mo <b>Jean</b> aprann:\n<b>food chain</b> (chèn alimantè), "
                           "<b>prey</b>", "ht", frozenset({"food chain", "prey"}))
    assert said == [("ht", "Mo"), ("ht", "Jean"), ("ht", "aprann:"), ("en", "food chain"),
                    ("ht", "chèn alimantè"), ("en", "prey")]  # a bold name is no English word


def test_commands_are_said_without_their_slash_and_escapes_are_read_as_text() -> None:
    assert spoken_segments("/ask pou ekri &amp; /stop", "ht") == [
        ("en", "ask"), ("ht", "pou ekri &"), ("en", "stop"), ]


def test_a_line_of_only_emoji_or_punctuation_says_nothing() -> None:
    assert spoken_segments("📬\n · \n", "vi") == []
