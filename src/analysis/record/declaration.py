"""The data package declaration (``data/datapackage.json``), read once into small dataclasses.

Everything that knows about columns (reader, checks, typed loader, codebook, ingest) derives
from these objects; no module restates a table's columns.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath

from analysis import locations
from analysis.errors import AnalysisError


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    format: str | None = None
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    enum_descriptions: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    reference_fields: tuple[str, ...]


@dataclass(frozen=True)
class Resource:
    name: str
    path: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = field(default=())

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)


@dataclass(frozen=True)
class Package:
    name: str
    title: str
    version: str
    descriptor_path: Path
    resources: tuple[Resource, ...]

    @property
    def data_dir(self) -> Path:
        return self.descriptor_path.parent

    def resource(self, name: str) -> Resource:
        for r in self.resources:
            if r.name == name:
                return r
        raise AnalysisError(f"{self.descriptor_path}: no resource named '{name}'")

    @property
    def names(self) -> list[str]:
        return [r.name for r in self.resources]


def _field(raw: dict) -> Field:
    c = raw.get("constraints", {})
    enum = c.get("enum")
    return Field(
        name=raw["name"],
        type=raw.get("type", "string"),
        description=raw.get("description", ""),
        format=raw.get("format"),
        required=bool(c.get("required", False)),
        unique=bool(c.get("unique", False)),
        enum=tuple(enum) if enum is not None else None,
        pattern=c.get("pattern"),
        min_length=c.get("minLength"),
        max_length=c.get("maxLength"),
        minimum=c.get("minimum"),
        maximum=c.get("maximum"),
        enum_descriptions=tuple((raw.get("enumDescriptions") or {}).items()),
    )


def _resource(raw: dict) -> Resource:
    schema = raw["schema"]
    pk = schema.get("primaryKey", [])
    fks = tuple(
        ForeignKey(
            fields=tuple(_as_list(fk["fields"])),
            resource=fk["reference"]["resource"] or raw["name"],
            reference_fields=tuple(_as_list(fk["reference"]["fields"])),
        )
        for fk in schema.get("foreignKeys", [])
    )
    return Resource(
        name=raw["name"],
        path=_safe_path(raw["name"], raw["path"]),
        title=raw.get("title", raw["name"]),
        description=raw.get("description", ""),
        fields=tuple(_field(f) for f in schema["fields"]),
        primary_key=tuple(_as_list(pk)),
        foreign_keys=fks,
    )


def _safe_path(name: str, path: object) -> str:
    """A resource path as Frictionless allows it here: one relative POSIX path inside the
    package folder (no URL, no absolute path, no ``..``, no multipart list)."""
    if not isinstance(path, str) or not path:
        raise AnalysisError(f"resource '{name}': path must be one file name inside the package folder, got {path!r} "
                            "(multipart resources are not supported)")
    parts = PurePosixPath(path).parts
    if "://" in path or path.startswith(("/", "\\")) or ".." in parts or "\\" in path or ":" in parts[0]:
        raise AnalysisError(f"resource '{name}': path {path!r} leaves the package folder; resource paths must be "
                            "relative and stay inside it")
    return path


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def read_package(data_dir: Path | str | None = None) -> Package:
    """Read ``datapackage.json`` in ``data_dir`` (default: found as :mod:`analysis.locations`
    says), cached per directory."""
    return _read_package(locations.data_dir(data_dir))


@cache
def _read_package(data_dir: Path) -> Package:
    path = Path(data_dir) / "datapackage.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise AnalysisError(
            f"{path}: no data package here; pass --data DIR pointing at a folder with datapackage.json"
        ) from None
    except json.JSONDecodeError as exc:
        raise AnalysisError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    try:
        resources = tuple(_resource(r) for r in raw["resources"])
    except (KeyError, TypeError) as exc:
        raise AnalysisError(f"{path}: malformed resource declaration (missing {exc})") from None
    except AnalysisError as exc:
        raise AnalysisError(f"{path}: {exc}") from None
    return Package(
        name=raw.get("name", ""),
        title=raw.get("title", ""),
        version=raw.get("version", ""),
        descriptor_path=path,
        resources=resources,
    )


read_package.cache_clear = _read_package.cache_clear  # type: ignore[attr-defined]
