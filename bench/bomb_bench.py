"""Compressed bombs (issue 21): how fast, and in how much memory, a fresh process refuses a
.docx whose document.xml inflates to 1.5 GB (as the issue found it: a 1.5 MB file) and a
.jsonl.gz of 1.5 GB of spaces; and that the shared collection still streams as fast as
before the limits (``bench/run --only bombs``).

Each is read with ``read_document`` / ``iter_documents`` in a fresh process; the time is
the call's, the memory the process's peak RSS (VmHWM) after it less before it.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from annotate_bench import PEAK  # noqa: E402 - the peak-memory helper of a fresh process

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
COLLECTION = ROOT.parent / "shared" / "corpora" / "government-work-reports.jsonl.gz"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MB = 1 << 20

READ = PEAK + r"""
import json, sys, time
from cngloss.errors import DocumentError
from cngloss.sources.readers import iter_documents
before = peak_mb()
t = time.perf_counter()
try:
    n = sum(1 for _ in iter_documents(sys.argv[1]))
    outcome = f"read {n} documents"
except DocumentError as exc:
    outcome = str(exc)
print(json.dumps({"seconds": time.perf_counter() - t, "mb": peak_mb() - before,
                  "peak": peak_mb(), "outcome": outcome}))
"""


def docx_bomb(path: Path, megabytes: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<w:document xmlns:w="{W_NS}"><w:body>'.encode())
            chunk = b"<w:p/>" * (MB // 6)
            for _ in range(megabytes):
                part.write(chunk)
            part.write(b"</w:body></w:document>")
    return path


def gzip_bomb(path: Path, megabytes: int) -> Path:
    with gzip.open(path, "wb") as out:
        for _ in range(megabytes):
            out.write(b" " * MB)
    return path


def _read(path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", READ, str(path)], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def bombs_section() -> None:
    print("\n## Compressed bombs (issue 21)\n")
    print("| input | file size | inflates to | outcome | time | memory (peak RSS added) |")
    print("|---|---:|---:|---|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in (("bomb.docx", docx_bomb), ("bomb.jsonl.gz", gzip_bomb)):
            path = make(Path(tmp) / name, 1536)
            result = _read(path)
            outcome = result["outcome"].replace(str(path), name)
            print(f"| {name} | {path.stat().st_size / MB:.1f} MB | 1.5 GB | `{outcome}` | "
                  f"{result['seconds'] * 1000:.0f} ms | {result['mb']:.1f} MB |")
    if COLLECTION.exists():
        result = _read(COLLECTION)
        print(f"| {COLLECTION.name} | {COLLECTION.stat().st_size / MB:.0f} MB | 145 MB | "
              f"{result['outcome']} | {result['seconds']:.2f} s | {result['mb']:.1f} MB "
              f"(peak {result['peak']:.0f} MB) |")


if __name__ == "__main__":
    bombs_section()
