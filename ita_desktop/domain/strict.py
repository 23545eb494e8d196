"""Strict parsing of definitions (TOML/JSON) into frozen dataclasses: unknown keys are errors."""

import dataclasses
import types
import typing
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

T = TypeVar("T")


class DefinitionError(ValueError):
    """A definitions file (criteria, layout) does not match its schema; ``path`` says where."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def parse(cls: type[T], data: Any, path: str = "") -> T:
    """Build ``cls`` from plain data, checking every key and type on the way down."""
    return _convert(cls, data, path or cls.__name__)


def _convert(tp: Any, value: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        errors = []
        for candidate in inner:
            try:
                return _convert(candidate, value, path)
            except DefinitionError as error:
                errors.append(error.problem)
        raise DefinitionError(path, "; ".join(errors))
    if origin is typing.Literal:
        if value not in args:
            raise DefinitionError(path, f"must be one of {list(args)}, not {value!r}")
        return value
    if origin is tuple:
        if not isinstance(value, list):
            raise DefinitionError(path, f"must be a list, not {type(value).__name__}")
        return tuple(_convert(args[0], v, f"{path}[{i}]") for i, v in enumerate(value))
    if origin is dict:
        if not isinstance(value, dict):
            raise DefinitionError(path, "must be a table")
        return {
            _convert(args[0], k, f"{path}.{k}"): _convert(args[1], v, f"{path}.{k}")
            for k, v in value.items()
        }
    if dataclasses.is_dataclass(tp):
        return _dataclass(tp, value, path)
    if tp is Decimal:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise DefinitionError(path, f"must be a number, not {value!r}")
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise DefinitionError(path, f"must be a number, not {value!r}") from None
    if tp is bool:
        if not isinstance(value, bool):
            raise DefinitionError(path, f"must be true or false, not {value!r}")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise DefinitionError(path, f"must be a whole number, not {value!r}")
        return value
    if tp is str:
        if not isinstance(value, str):
            raise DefinitionError(path, f"must be text, not {value!r}")
        return value
    raise TypeError(f"strict.parse does not handle {tp!r} at {path}")


def _dataclass(cls: Any, value: Any, path: str) -> Any:
    if not isinstance(value, dict):
        raise DefinitionError(path, f"must be a table, not {type(value).__name__}")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = sorted(set(value) - set(fields))
    if unknown:
        raise DefinitionError(path, f"unknown key(s) {unknown}; allowed: {sorted(fields)}")
    kwargs = {}
    for name, field in fields.items():
        if name in value:
            kwargs[name] = _convert(hints[name], value[name], f"{path}.{name}")
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise DefinitionError(path, f"missing key {name!r}")
    try:
        return cls(**kwargs)
    except ValueError as error:
        raise DefinitionError(path, str(error)) from None
