"""What a new version of a pack changes: words added, changed, brought back and retired."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.domain.packs import Word


@dataclass(frozen=True)
class PackChanges:
    """The difference between the words a pack had and the words its new version has.

    `retired` words are left out of the new version; `revived` ones were retired before and
    are back. `answered` counts the students with answers on the words retired now."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    revived: tuple[str, ...] = ()
    retired: tuple[str, ...] = ()
    answered: int = 0

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.revived or self.retired)


def diff_words(old: Mapping[str, tuple[Word, bool]], new: Sequence[Word]) -> PackChanges:
    """Compare a pack's stored words (term -> (word, retired)) with its new words.

    A first upload (no stored words) changes nothing worth telling: every word is new."""
    if not old:
        return PackChanges()
    added, changed, revived = [], [], []
    for word in new:
        before = old.get(word.term)
        if before is None:
            added.append(word.term)
        elif before[1]:
            revived.append(word.term)
        elif before[0] != word:
            changed.append(word.term)
    terms = {w.term for w in new}
    retired = [t for t, (_, gone) in old.items() if not gone and t not in terms]
    return PackChanges(tuple(added), tuple(changed), tuple(revived), tuple(retired))
