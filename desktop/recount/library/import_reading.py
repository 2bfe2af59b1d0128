"""Reading what is imported: files, folders, JSON Lines, JSON and CSV records -> articles.

Each entry is an article ready to store or the reason it could not be read (with its file
name and line), so one bad record never stops an import. No library access here; the
importer (importer.py) stores what this reads.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from recount.claims.model import Article

ARTICLE_SUFFIXES = frozenset((".txt", ".md", ".markdown", ".html", ".htm", ".xhtml"))
JSONL_SUFFIXES = frozenset((".jsonl", ".ndjson"))
CSV_SUFFIXES = frozenset((".csv",))
RECORD_FIELDS = ("id", "title", "outlet", "published", "url", "text")


class RecordError(ValueError):
    """A record or file that cannot become an article; the message says why."""


@dataclass(slots=True)
class _Entry:
    """An article ready to store, or the reason it could not be read; `pos` is bytes read so far."""

    name: str
    article: Article | None
    error: str | None
    pos: int


def iter_entries(path: Path) -> Iterator[_Entry]:
    """The articles in one file: one for an article file, one per line/row for JSONL and CSV."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_entries(path)
    elif suffix == ".json":
        yield from _json_entries(path)
    elif suffix in CSV_SUFFIXES:
        yield from _csv_entries(path)
    else:
        yield _file_entry(path)


# --------------------------------------------------------------------------- reading


def _walk(folder: Path) -> list[Path]:
    """Importable files under `folder`, in name order; hidden files and folders left out.
    NAME.json beside NAME.txt is metadata (a sidecar), not an article."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            suffix = Path(name).suffix.lower()
            if name.startswith(".") or suffix not in ARTICLE_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES:
                continue
            found.append(Path(root) / name)
    return found


def _size(path: Path) -> int:
    try:
        return max(path.stat().st_size, 1)
    except OSError:
        return 1


def _file_entry(path: Path) -> _Entry:
    from recount.reading import UnreadableFile, read_path

    size = _size(path)
    try:
        article = read_path(path)
        sidecar = path.with_suffix(".json")
        if sidecar.is_file() and sidecar != path:
            _apply_sidecar(article, sidecar)
    except UnreadableFile as exc:
        return _Entry(str(path), None, _strip_name(str(exc), path), size)
    except RecordError as exc:
        return _Entry(str(path), None, str(exc), size)
    return _Entry(str(path), article, None, size)


def _strip_name(message: str, path: Path) -> str:
    """reading's messages start with the file's path or name, which the report already gives."""
    for prefix in (f"{path}: ", f"{path.name}: "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


def _apply_sidecar(article: Article, sidecar: Path) -> None:
    """NAME.json next to NAME.txt carries id/outlet/published/title/url (the corpus format)."""
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RecordError(f"its metadata file {sidecar.name} cannot be read ({exc})") from exc
    if not isinstance(meta, dict):
        raise RecordError(f"its metadata file {sidecar.name} is not a JSON object")
    _apply_fields(article, meta, f"{sidecar.name}: ")


def _apply_fields(article: Article, record: dict[str, Any], where: str = "") -> None:
    for key in ("id", "title", "outlet", "url"):
        value = record.get(key)
        if value is not None and str(value).strip():
            setattr(article, key, str(value).strip())
    if record.get("published") not in (None, ""):
        article.published = parse_date(record["published"], where)
        article.published_from = "metadata"


def parse_date(value: Any, where: str = "") -> str:
    """An ISO date from "2025-03-10", "2025-03-10T08:00:00Z" or "10 March 2025"."""
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    try:
        from dateutil import parser as date_parser

        return date_parser.parse(text, dayfirst=True).date().isoformat()
    except (ValueError, OverflowError) as exc:
        raise RecordError(f"{where}published {text!r} is not a date") from exc


def _record_article(record: Any, where: str) -> Article:
    from recount.reading import read_text

    if not isinstance(record, dict):
        raise RecordError(f"{where}expected an object with {', '.join(RECORD_FIELDS)}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RecordError(f"{where}no text")
    article = read_text(text)  # title and dateline date when the record lacks them
    _apply_fields(article, record, where)
    return article


def _lines(path: Path, pos: list[int]) -> Iterator[str]:
    """Decoded lines of a file, keeping in pos[0] how many bytes have been read. UTF-8 unless the
    start of the file says otherwise (spreadsheets often save CSV as Windows-1252)."""
    encoding = _csv_encoding(path)
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            pos[0] += len(raw)
            yield raw.decode("utf-8-sig" if number == 1 and encoding == "utf-8" else encoding,
                             errors="replace")


def _csv_encoding(path: Path, sample_size: int = 1 << 20) -> str:
    with path.open("rb") as fh:
        sample = fh.read(sample_size)
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3 and len(sample) == sample_size:
            return "utf-8"  # only the sample's last character was cut in two
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    return best.encoding if best is not None else "utf-8"


def _jsonl_entries(path: Path) -> Iterator[_Entry]:
    pos = [0]
    try:
        with path.open("rb") as fh:
            for number, raw in enumerate(fh, start=1):
                pos[0] += len(raw)
                name = f"{path}:{number}"
                if not raw.strip():
                    continue
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                    record = json.loads(line)
                    yield _Entry(name, _record_article(record, ""), None, pos[0])
                except UnicodeDecodeError:
                    yield _Entry(name, None, "not UTF-8 text", pos[0])
                except json.JSONDecodeError as exc:
                    yield _Entry(name, None, f"not valid JSON ({exc.msg} at column {exc.colno})", pos[0])
                except RecordError as exc:
                    yield _Entry(name, None, str(exc), pos[0])
    except OSError as exc:
        yield _Entry(str(path), None, f"cannot be read ({exc.strerror or exc})", pos[0])


def _json_entries(path: Path) -> Iterator[_Entry]:
    """A .json named on the command line: an array of records, one record, or JSON Lines.
    A sidecar (an object without text, next to an article file) has nothing to import."""
    size = _size(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        yield _Entry(str(path), None, f"cannot be read ({exc})", size)
        return
    except json.JSONDecodeError:
        yield from _jsonl_entries(path)
        return
    records = data if isinstance(data, list) else [data]
    if isinstance(data, dict) and "text" not in data:
        if any(path.with_suffix(s).is_file() for s in ARTICLE_SUFFIXES):
            return  # metadata of NAME.txt, read with it
        yield _Entry(str(path), None, "a JSON object without 'text'", size)
        return
    for index, record in enumerate(records, start=1):
        name = f"{path}[{index}]" if isinstance(data, list) else str(path)
        try:
            yield _Entry(name, _record_article(record, ""), None, size * index // len(records))
        except RecordError as exc:
            yield _Entry(name, None, str(exc), size * index // len(records))


def _csv_entries(path: Path) -> Iterator[_Entry]:
    csv.field_size_limit(2**31 - 1)
    pos = [0]
    try:
        reader = csv.reader(_lines(path, pos))
        header = next(reader, None)
        if header is None:
            yield _Entry(str(path), None, "empty CSV file", pos[0])
            return
        columns = [h.strip().lower() for h in header]
        if "text" not in columns:
            yield _Entry(str(path), None, f"no 'text' column (columns: {', '.join(columns)})", pos[0])
            return
        while True:
            start = reader.line_num + 1
            name = f"{path}:{start}"
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield _Entry(name, None, f"malformed CSV ({exc})", pos[0])
                continue
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                yield _Entry(name, None, f"{len(row)} fields where the header has {len(columns)}", pos[0])
                continue
            try:
                yield _Entry(name, _record_article(dict(zip(columns, row, strict=True)), ""), None, pos[0])
            except RecordError as exc:
                yield _Entry(name, None, str(exc), pos[0])
    except OSError as exc:
        yield _Entry(str(path), None, f"cannot be read ({exc.strerror or exc})", pos[0])
