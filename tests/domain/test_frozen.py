"""quick_init: a frozen dataclass built fast is the very object its own __init__ builds."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from bot.domain.checks import Grade, Item, WordRef
from bot.domain.frozen import quick_init
from bot.domain.overrule import Graded
from bot.presentation.callbacks import Callback
from bot.services.answers import Feedback
from bot.services.checks import Question
from bot.services.learners import Learner
from bot.services.readiness import BackOn, NextStep
from bot.store.check_items import CheckState, StoredItem
from bot.store.people import Enrollment, Student


def _sample() -> tuple[type, type]:
    """The same frozen dataclass twice: as dataclass makes it, and with quick_init."""

    def make() -> type:
        @dataclass_frozen
        class Sample:
            a: int
            b: str = "b"
            c: tuple[int, ...] = ()
            d: float = dataclasses.field(default=1.5, kw_only=True)

        return Sample

    dataclass_frozen = dataclasses.dataclass(frozen=True)
    return make(), quick_init(make())


def test_a_quick_built_object_equals_hashes_and_stays_frozen_as_the_plain_one() -> None:
    plain, quick = _sample()
    assert str(inspect.signature(quick.__init__)) == str(inspect.signature(plain.__init__))
    for args, kwargs in (((1,), {}), ((1, "x", (2,)), {"d": 2.5}), ((), {"a": 3, "c": (4,)})):
        built, expected = quick(*args, **kwargs), plain(*args, **kwargs)
        assert vars(built) == vars(expected) and repr(built) == repr(expected)
        assert hash(built) == hash(expected)
        with pytest.raises(dataclasses.FrozenInstanceError):
            built.a = 9  # type: ignore[misc]
    with pytest.raises(TypeError):  # a missing argument, or one too many, as before
        quick()
    with pytest.raises(TypeError):
        quick(1, "x", (), 2.5)


def test_only_a_plain_frozen_dataclass_is_given_a_quick_init() -> None:
    @dataclasses.dataclass
    class Mutable:
        a: int

    @dataclasses.dataclass(frozen=True)
    class Made:
        a: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True)
    class Checked:
        a: int

        def __post_init__(self) -> None:
            if self.a < 0:
                raise ValueError

    for cls in (Mutable, Made, Checked):
        with pytest.raises(TypeError):
            quick_init(cls)


@pytest.mark.parametrize("cls", [WordRef, Item, Grade, Graded, Question, Callback, Learner,
                                 BackOn, NextStep, CheckState, StoredItem, Student, Enrollment,
                                 Feedback])
def test_the_answer_path_s_frozen_objects_are_built_quickly_and_stay_frozen(cls: type) -> None:
    # quick_init's __init__ (its fields written into __dict__), not dataclass's
    assert "fields" in cls.__init__.__code__.co_varnames
    fields = dataclasses.fields(cls)
    built = object.__new__(cls)
    values = {f.name: object() for f in fields}
    cls.__init__(built, **values)
    assert vars(built) == values
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(built, fields[0].name, None)
