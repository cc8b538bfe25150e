"""Reading news articles from files and folders into ``Article`` records.

Owns every input format: ``.txt``/``.md`` (first line is the headline; a ``meta.jsonl`` beside
the files supplies their metadata, as in the annotated-corpus format), ``.html``/``.htm``
(main text and metadata through trafilatura, so navigation, captions and video-player lines are
dropped) and ``.jsonl`` (one article per line: ``id``, ``text``, ``title``, ``date``,
``source``, ``url``). Folders are read recursively in a stable order.

Bad input raises ``InputError`` with the file (and line) named. When reading many files, pass
``on_error`` to report a bad file and go on with the rest.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from graph.errors import InputError

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl"}
# Side files of the annotated-corpus format (ANNOTATION.md): metadata and annotations, not articles.
CORPUS_SIDE_FILES = {"meta.jsonl", "gold.jsonl", "negative.jsonl", "actors.jsonl"}
MAX_ARTICLE_BYTES = int(float(os.environ.get("ACTORGRAPH_MAX_ARTICLE_MB", "50")) * 1024 * 1024)

ErrorHandler = Callable[[InputError], None]
WarningHandler = Callable[[str], None]


@dataclass(frozen=True)
class Article:
    """One news article: its text and what is known about where it came from.

    ``date`` is an ISO date (``YYYY-MM-DD``) or ``None`` for an undated article.

    >>> a = Article(id="a1", title="Talks resume", text="Iran and the US met in Muscat.")
    >>> a.content_hash[:12]
    'e1cba835638d'
    """

    id: str
    title: str
    text: str
    date: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = field(default=None, compare=False)

    @property
    def content_hash(self) -> str:
        """SHA-256 over text and metadata: the same input always gives the same hash."""
        digest = hashlib.sha256()
        for part in (self.id, self.title, self.text, self.date or "", self.source or "", self.url or ""):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x00")
        return digest.hexdigest()


def read_articles(
    paths: Iterable[str | Path],
    on_error: ErrorHandler | None = None,
    on_warning: WarningHandler | None = None,
) -> Iterator[Article]:
    """Yield the articles of every file and folder in ``paths``, streaming.

    Without ``on_error`` the first bad file raises ``InputError``; with it, each bad file is
    handed to ``on_error`` and skipped. A path that does not exist and a folder with no
    articles are errors too.
    """
    for path in map(Path, paths):
        try:
            if path.is_dir():
                files = list(_article_files(path))
                if not files:
                    raise InputError(f"{path}: no articles found (looked for {', '.join(sorted(ARTICLE_SUFFIXES))})")
                for file in files:
                    yield from _guarded(read_file(file, on_warning), on_error)
            elif path.exists():
                yield from _guarded(read_file(path, on_warning), on_error)
            else:
                raise InputError(f"{path}: no such file or folder")
        except InputError as error:
            if on_error is None:
                raise
            on_error(error)


def _guarded(items: Iterator[Article | InputError], on_error: ErrorHandler | None) -> Iterator[Article]:
    """Pass articles through; bad lines of a jsonl file come as errors, and reading goes on past them."""
    for item in items:
        if isinstance(item, InputError):
            if on_error is None:
                raise item
            on_error(item)
        else:
            yield item


def _article_files(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            file = Path(root) / name
            if name.startswith(".") or name in CORPUS_SIDE_FILES:
                continue
            if file.suffix.lower() in ARTICLE_SUFFIXES:
                yield file


def read_file(path: Path, on_warning: WarningHandler | None = None) -> Iterator[Article | InputError]:
    """Yield the article(s) of one file, chosen by its suffix; a bad line of a jsonl file is yielded
    as its ``InputError`` so that the lines after it are still read. A bad file raises."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(path, on_warning)
    elif suffix in {".html", ".htm"}:
        yield _read_html(path, on_warning)
    elif suffix in {".txt", ".md"}:
        yield _read_text(path, on_warning)
    else:
        raise InputError(f"{path}: not an article file (expected one of {', '.join(sorted(ARTICLE_SUFFIXES))})")


def _read_text(path: Path, on_warning: WarningHandler | None) -> Article:
    text = _decode(path, _read_bytes(path), on_warning)
    lines = text.split("\n")
    headline_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if headline_index is None:
        raise InputError(f"{path}: empty article (no text)")
    headline = lines[headline_index].strip().lstrip("#").strip()
    meta = _sidecar_metadata(path)
    return _make_article(
        path,
        doc_id=path.stem,
        title=meta.get("title") or headline,
        text=text,
        date=meta.get("date"),
        source=meta.get("source"),
        url=meta.get("url"),
    )


def _read_html(path: Path, on_warning: WarningHandler | None) -> Article:
    import trafilatura  # imported here: only HTML input pays its start-up cost

    html = _decode(path, _read_bytes(path), on_warning)
    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, include_images=False
        )
    except Exception as error:  # trafilatura raises assorted parser errors on broken markup
        raise InputError(f"{path}: cannot parse HTML ({error.__class__.__name__}: {error})") from None
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        raise InputError(f"{path}: HTML page has no article body")
    meta = _sidecar_metadata(path)
    return _make_article(
        path,
        doc_id=path.stem,
        title=meta.get("title") or document.title or text.split("\n", 1)[0],
        text=text,
        date=meta.get("date") or document.date,
        source=meta.get("source") or document.sitename,
        url=meta.get("url") or document.url,
    )


def _read_jsonl(path: Path, on_warning: WarningHandler | None) -> Iterator[Article | InputError]:
    try:
        handle = path.open("rb")
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    with handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            if len(raw) > MAX_ARTICLE_BYTES:
                yield InputError(f"{where}: article too large ({len(raw) / 1e6:.0f} MB; limit {MAX_ARTICLE_BYTES / 1e6:.0f} MB)")
                continue
            try:
                record = json.loads(_decode(Path(where), raw, on_warning))
            except json.JSONDecodeError as error:
                yield InputError(f"{where}: malformed JSON ({error.msg} at column {error.colno})")
                continue
            if not isinstance(record, dict):
                yield InputError(f"{where}: expected a JSON object per line")
                continue
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                yield InputError(f"{where}: article has no text")
                continue
            try:
                yield _make_article(
                    Path(where),
                    doc_id=str(record.get("id") or f"{path.stem}-{number}"),
                    title=str(record.get("title") or text.strip().split("\n", 1)[0][:200]),
                    text=text,
                    date=record.get("date"),
                    source=record.get("source"),
                    url=record.get("url"),
                )
            except InputError as error:
                yield InputError(str(error))


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(f"{path}: article too large ({size / 1e6:.0f} MB; limit {MAX_ARTICLE_BYTES / 1e6:.0f} MB)")
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not text")
    return data


def _decode(path: Path, data: bytes, on_warning: WarningHandler | None) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if on_warning is not None:
            on_warning(f"{path}: invalid UTF-8 at byte {error.start}; undecodable bytes replaced with U+FFFD")
        return data.decode("utf-8-sig", errors="replace")


# A folder's meta.jsonl is read once per version of the file: (size, mtime) tells an edited file.
_SIDECARS: dict[Path, tuple[tuple[int, int] | None, dict[str, dict]]] = {}


def _sidecar_metadata(path: Path) -> dict:
    """Metadata for ``path`` from a ``meta.jsonl`` in the same folder (keyed by ``doc``), if any."""
    meta_file = path.parent / "meta.jsonl"
    try:
        status = meta_file.stat()
        version = (status.st_size, status.st_mtime_ns)
    except OSError:
        version = None
    cached = _SIDECARS.get(meta_file)
    if cached is None or cached[0] != version:
        records: dict[str, dict] = {}
        if version is not None and meta_file.is_file():
            for number, line in enumerate(meta_file.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(f"{meta_file}:{number}: malformed JSON ({error.msg})") from None
                if isinstance(record, dict) and record.get("doc"):
                    records[str(record["doc"])] = record
        _SIDECARS[meta_file] = (version, records)
    return _SIDECARS[meta_file][1].get(path.stem, {})


def _make_article(where: Path, *, doc_id: str, title: str, text: str, date, source, url) -> Article:
    return Article(
        id=doc_id,
        title=" ".join(str(title).split()),
        text=text,
        date=parse_date(date, where),
        source=str(source) if source else None,
        url=str(url) if url else None,
        path=str(where),
    )


def parse_date(value, where: Path | str = "") -> str | None:
    """An ISO date string from a date or datetime value; ``None`` stays ``None`` (undated).

    >>> parse_date("2025-04-07T10:30:00Z")
    '2025-04-07'
    >>> parse_date(None) is None
    True
    """
    if value is None or value == "":
        return None
    text = str(value).strip()
    try:
        day = dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(f"{where}: unparseable date {text!r} (expected YYYY-MM-DD)") from None
    if day > dt.date.today() + dt.timedelta(days=1):
        raise InputError(f"{where}: date {day.isoformat()} is in the future")
    return day.isoformat()
