"""The measurement behind the chart library choice (docs/development.md, "Dependencies, and why").

Not part of bench/run: it needs the candidate libraries. Run it in a scratch venv:

    python -m venv /tmp/cand && /tmp/cand/bin/pip install matplotlib pygal plotnine
    /tmp/cand/bin/python bench/choose_chart.py

Each candidate, in a fresh process, imports itself and draws the same three series over 73
years (with gaps) to SVG bytes in memory; the time is the median of 7 runs, less the median of
``python -c pass``. What each can do (PNG, CJK text, gaps) is in the README's table.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

DATA = """
years = list(range(1954, 2027))
values = [[float('nan') if y % 7 == 0 else (y - 1954) * k for y in years] for k in (1, 2, 3)]
labels = ['六稳', '六保', '乡村振兴']
"""

CANDIDATES = {
    "matplotlib (Figure, no pyplot)": DATA + """
import io
from matplotlib.figure import Figure
figure = Figure(figsize=(10, 5.6))
axes = figure.subplots()
for label, v in zip(labels, values):
    axes.plot(years, v, label=label)
axes.legend()
figure.savefig(io.BytesIO(), format='svg')
""",
    "pygal": DATA + """
import pygal
chart = pygal.Line(allow_interruptions=True)
chart.x_labels = map(str, years)
for label, v in zip(labels, values):
    chart.add(label, [None if x != x else x for x in v])
chart.render()
""",
    "plotnine (pandas, matplotlib)": DATA + """
import io
import pandas as pd
from plotnine import ggplot, aes, geom_line
frame = pd.DataFrame([(y, x, l) for l, v in zip(labels, values) for y, x in zip(years, v)],
                     columns=['year', 'value', 'label'])
plot = ggplot(frame, aes('year', 'value', color='label')) + geom_line()
plot.save(io.BytesIO(), format='svg', verbose=False)
""",
}


def run(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    runs = 7
    base = statistics.median(run("pass") for _ in range(runs))
    for name, code in CANDIDATES.items():
        try:
            run(code)  # warm the file cache (and matplotlib's font cache)
        except subprocess.CalledProcessError as exc:
            print(f"{name}: failed: {exc.stderr.decode()[-200:]}")
            continue
        median = statistics.median(run(code) for _ in range(runs))
        print(f"{name}: import and draw to SVG {median - base:.2f} s (median of {runs})")


if __name__ == "__main__":
    main()
