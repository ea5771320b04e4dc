from __future__ import annotations

from pathlib import Path

import pytest

from biaslens.readers import read_articles


def _one(path: Path, **kw):
    arts = list(read_articles([path], **kw))
    assert len(arts) == 1
    return arts[0]


def test_txt_keeps_text_whole_and_normalises_line_ends(tmp_path: Path) -> None:
    d = tmp_path / "wire"
    d.mkdir()
    f = d / "001.txt"
    f.write_bytes(b"\xef\xbb\xbfADVERTISEMENT\r\nFirst paragraph.\r\n\r\nSecond.\n")
    a = _one(f)
    assert a.error is None
    assert a.text == "ADVERTISEMENT\nFirst paragraph.\n\nSecond.\n"
    assert a.title is None
    assert a.id == "001.txt"
    assert a.outlet == "wire"  # parent folder is the outlet of last resort
    assert a.source_line is None
    assert a.source_path == str(f)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"caf\xe9 latin-1 text", "undecodable bytes"),
        (b"", "no text"),
        (b"  \n\t\n", "no text"),
    ],
)
def test_txt_bad_files_become_error_articles(tmp_path: Path, payload: bytes, message: str) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(payload)
    a = _one(f)
    assert a.error is not None
    assert message in a.error
    assert str(f) in a.error
    assert a.text == ""


def test_txt_gz_is_read(tmp_path: Path) -> None:
    import gzip

    f = tmp_path / "story.txt.gz"
    f.write_bytes(gzip.compress("Zipped story.\n".encode()))
    a = _one(f)
    assert a.error is None and a.text == "Zipped story.\n"


def test_txt_outlet_argument_overrides_folder(tmp_path: Path) -> None:
    f = tmp_path / "x.txt"
    f.write_text("Some text.", encoding="utf-8")
    assert _one(f, outlet="forced").outlet == "forced"
