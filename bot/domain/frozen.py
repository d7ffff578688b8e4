"""Frozen dataclasses built at the cost of plain ones.

A frozen dataclass's generated __init__ sets each field through object.__setattr__ (its own
__setattr__ refuses): about 0.3 us a field, seven times a plain dataclass's. A graded tap
builds some twenty such objects (the item, its grade, the learner, the feedback...), about
a tenth of Puente's own work on it (bench/graded_answers.py). `quick_init` gives such a class
an __init__ with the very same signature that writes the fields straight into the instance's
__dict__, as dataclasses.replace's copy and mastery.changed do: the object is the same, equal,
hashed and frozen as before (tests/domain/test_frozen.py compares them).
"""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any, TypeVar

T = TypeVar("T", bound=type)


def quick_init(cls: T) -> T:
    """Replace a frozen dataclass's __init__ with one that writes its fields into __dict__.

    Only a class whose __init__ does nothing else qualifies: every field set from its own
    argument (no default_factory, no InitVar, no init=False), no __post_init__, no __slots__;
    any other is refused (TypeError), so a later change to the class cannot slip past."""
    params = dataclasses.fields(cls) if dataclasses.is_dataclass(cls) else ()
    names = [f.name for f in params]
    signature = inspect.signature(cls.__init__)
    arguments = list(signature.parameters.values())[1:]  # after self
    if (not dataclasses.is_dataclass(cls) or not cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
            or hasattr(cls, "__post_init__") or "__slots__" in cls.__dict__
            or any(not f.init or f.default_factory is not dataclasses.MISSING for f in params)
            or [a.name for a in arguments] != names):
        raise TypeError(f"{cls.__name__}: not a plain frozen dataclass")
    defaults: dict[str, Any] = {}
    text, keyword_only = [], False
    for argument in arguments:
        if argument.kind is inspect.Parameter.KEYWORD_ONLY and not keyword_only:
            text.append("*")
            keyword_only = True
        if argument.default is inspect.Parameter.empty:
            text.append(argument.name)
        else:
            defaults[f"_default_{argument.name}"] = argument.default
            text.append(f"{argument.name}=_default_{argument.name}")
    body = "".join(f"    fields[{name!r}] = {name}\n" for name in names) or "    pass\n"
    source = f"def __init__(self, {', '.join(text)}):\n    fields = self.__dict__\n{body}"
    namespace: dict[str, Any] = dict(defaults)
    exec(source, namespace)  # built from the class's own field names only
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    init.__annotations__ = dict(cls.__init__.__annotations__)  # the same signature, typed
    cls.__init__ = init  # type: ignore[misc]
    return cls
