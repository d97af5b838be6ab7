"""Rank the library's national coinages for issue 25's English renderings.

Candidates: headwords defined by 3 or more reports' notes, plus well-known national terms.
A term counts as national when at least one national (国务院) report's body uses it.
Output (TSV): rank, term, reports_using, reports_defining; ranked by reports_using.
Every headword defined by 20 or more reports is kept whether national or not.

    python tools/english_candidates.py /work/lib/full.sqlite > english-candidates.tsv
"""
from __future__ import annotations

import sqlite3
import sys
from collections import defaultdict

WELL_KNOWN = ["乡村振兴", "河长制", "僵尸企业", "放管服", "供给侧结构性改革", "三大攻坚战",
              "一带一路", "六稳", "六保", "六稳六保", "新发展理念", "五位一体", "四个全面",
              "精准扶贫", "精准脱贫", "双循环", "新发展格局", "碳达峰", "碳中和", "专项债",
              "营商环境", "双创", "大众创业、万众创新", "互联网+", "三去一降一补", "新型城镇化",
              "高质量发展", "两山", "绿水青山就是金山银山", "枫桥经验", "放管服改革", "林长制",
              "最多跑一次", "一网通办", "新基建", "专精特新", "共同富裕", "扫黑除恶", "厕所革命"]


def main(path: str) -> None:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    defining: dict[str, set[int]] = defaultdict(set)
    for rid, head in con.execute("SELECT report_id, headword FROM note WHERE headword IS NOT NULL"):
        defining[head.strip()].add(rid)
    candidates = {h for h, r in defining.items() if len(r) >= 3 and len(h) >= 2}
    candidates.update(WELL_KNOWN)
    level = dict(con.execute("SELECT id, level FROM report"))
    texts: dict[int, list[str]] = defaultdict(list)
    for pid, text in con.execute("SELECT id, text FROM paragraph"):
        texts[pid >> 12].append(text)
    body = {rid: "\n".join(parts) for rid, parts in texts.items()}
    rows = []
    for term in candidates:
        using = [rid for rid, text in body.items() if term in text]
        national = any(level.get(rid) == "national" for rid in using)
        n_def = len(defining.get(term, ()))
        if national or n_def >= 20:
            rows.append((len(using), n_def, term))
    rows.sort(key=lambda r: (-r[0], -r[1], r[2]))
    out = sys.stdout
    out.write("rank\tterm\treports_using\treports_defining\n")
    for i, (n_use, n_def, term) in enumerate(rows, 1):
        out.write(f"{i}\t{term}\t{n_use}\t{n_def}\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/lib/full.sqlite")
