"""Reading articles: formats, metadata, folders, and bad input."""
import json

import pytest

from graph.articles import Article, parse_date, read_articles
from graph.errors import InputError

HTML = """<html><head><title>Talks in Muscat</title>
<meta property="og:url" content="https://news.example/talks"><meta name="date" content="2025-04-12">
<meta property="og:site_name" content="Example Wire"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | Subscribe</nav>
<article><h1>Iran and US hold talks in Muscat</h1>
<p>Iranian Foreign Minister Abbas Araghchi met US envoy Steve Witkoff in Muscat on Saturday, officials said, in the first talks between the two governments in years.</p>
<figure><img src="x.jpg"><figcaption>Araghchi arrives in Muscat. Photo: AFP</figcaption></figure>
<p>Oman's foreign minister Badr Albusaidi carried messages between the two delegations, which sat in separate rooms for most of the afternoon.</p>
</article><footer>Copyright 2025 Example Wire. All rights reserved.</footer></body></html>"""


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_text_file_headline_and_sidecar_metadata(tmp_path):
    write(tmp_path / "a1.txt", "Headline here\n\nBody sentence one. Body two.\n")
    write(tmp_path / "meta.jsonl", json.dumps({"doc": "a1", "title": "Real title", "date": "2025-01-02",
                                               "source": "Wire", "url": "https://x.example/a1"}) + "\n")
    [article] = read_articles([tmp_path])
    assert article.id == "a1"
    assert article.title == "Real title"
    assert article.date == "2025-01-02"
    assert article.source == "Wire" and article.url == "https://x.example/a1"
    assert "Body sentence one." in article.text


def test_an_edited_metadata_file_is_read_again(tmp_path):
    write(tmp_path / "a1.txt", "Headline here\n\nBody.\n")
    write(tmp_path / "meta.jsonl", json.dumps({"doc": "a1", "title": "First title"}) + "\n")
    assert next(read_articles([tmp_path])).title == "First title"
    write(tmp_path / "meta.jsonl", json.dumps({"doc": "a1", "title": "Corrected, longer title"}) + "\n")
    assert next(read_articles([tmp_path])).title == "Corrected, longer title"
    (tmp_path / "meta.jsonl").unlink()
    assert next(read_articles([tmp_path])).title == "Headline here"


def test_text_file_without_metadata_uses_first_line(tmp_path):
    [article] = read_articles([write(tmp_path / "note.md", "\n# Militias disarm\nText.\n")])
    assert article.title == "Militias disarm"
    assert article.date is None


def test_html_drops_page_furniture(tmp_path):
    [article] = read_articles([write(tmp_path / "talks.html", HTML)])
    assert article.id == "talks"
    assert article.date == "2025-04-12"
    assert article.url == "https://news.example/talks"
    assert "Araghchi met US envoy" in article.text
    assert "Subscribe" not in article.text and "Copyright" not in article.text
    assert "Photo: AFP" not in article.text


def test_jsonl_articles_and_bad_lines_reported_with_line_numbers(tmp_path):
    lines = [json.dumps({"id": "j1", "text": "Hamas met Egypt.", "title": "T1", "date": "2025-03-01"}),
             "{not json",
             json.dumps({"id": "j3", "title": "no text"}),
             json.dumps({"id": "j4", "text": "Second good article.", "date": "2025-03-02"})]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    errors = []
    articles = list(read_articles([path], on_error=errors.append))
    assert [a.id for a in articles] == ["j1", "j4"]
    assert [str(e).split(": ")[0] for e in errors] == [f"{path}:2", f"{path}:3"]
    assert "malformed JSON" in str(errors[0]) and "no text" in str(errors[1])


def test_folder_is_recursive_sorted_and_skips_corpus_side_files(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path / "b.txt", "B\nText b.")
    write(tmp_path / "sub" / "a.txt", "A\nText a.")
    write(tmp_path / "gold.jsonl", json.dumps({"doc": "a", "subject": "x"}) + "\n")
    write(tmp_path / "notes.csv", "not an article")
    assert [a.id for a in read_articles([tmp_path])] == ["b", "a"]


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", "", "empty file"),
    ("blank.txt", "   \n\n", "empty file"),
    ("binary.txt", b"\x89PNG\x00\x00\x01", "binary file"),
    ("nobody.html", "<html><head><title>x</title></head></html>", "no article body"),
])
def test_bad_files_raise_one_line_errors_naming_the_file(tmp_path, name, content, message):
    path = write(tmp_path / name, content)
    with pytest.raises(InputError) as caught:
        list(read_articles([path]))
    assert str(path) in str(caught.value) and message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_articles([tmp_path / "nope.txt"]))
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no articles found"):
        list(read_articles([tmp_path / "empty"]))


def test_folder_with_a_bad_file_reads_the_rest(tmp_path):
    write(tmp_path / "good.txt", "Good\nHamas met Egypt.")
    write(tmp_path / "zero.txt", "")
    errors = []
    assert [a.id for a in read_articles([tmp_path], on_error=errors.append)] == ["good"]
    assert len(errors) == 1 and "zero.txt" in str(errors[0])


def test_invalid_utf8_is_decoded_with_a_warning_not_dropped(tmp_path):
    path = write(tmp_path / "latin.txt", b"Title\nCaf\xe9 talks between Iran and the US.")
    warnings = []
    [article] = read_articles([path], on_warning=warnings.append)
    assert "\ufffd" in article.text and "Iran" in article.text
    assert len(warnings) == 1 and "invalid UTF-8 at byte" in warnings[0]


def test_oversized_article_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("graph.articles.MAX_ARTICLE_BYTES", 100)
    path = write(tmp_path / "huge.txt", "T\n" + "x" * 200)
    with pytest.raises(InputError, match="too large"):
        list(read_articles([path]))


def test_dates_unparseable_or_future_are_errors():
    assert parse_date("2025-04-07T10:00:00+02:00") == "2025-04-07"
    with pytest.raises(InputError, match="unparseable date"):
        parse_date("last Tuesday", "x.txt")
    with pytest.raises(InputError, match="in the future"):
        parse_date("2999-01-01", "x.txt")


def test_content_hash_changes_with_text_only():
    a = Article("a", "T", "text")
    assert a.content_hash == Article("a", "T", "text", path="elsewhere").content_hash
    assert a.content_hash != Article("a", "T", "text!").content_hash
