/* cngloss serve: search as you type. The page works without it (the form submits ?q=);
   results are drawn with textContent only, never as HTML. */
"use strict";
(function () {
  const box = document.getElementById("live");
  const out = document.getElementById("results");
  if (!box || !out) return;
  let timer = null, asked = 0;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function draw(data) {
    out.replaceChildren();
    if (!data.results || !data.results.length) {
      out.append(el("p", "empty", "No term matches " + data.query + "."));
      return;
    }
    const list = el("ol", "results");
    for (const r of data.results) {
      const li = el("li");
      const a = el("a", null, r.term);
      a.href = "/term/" + encodeURIComponent(r.id || r.term);
      const m = r.matched;
      li.append(a, " ", el("span", "pinyin", r.pinyin), " ",
                el("span", "english", r.english.map(e => e.text).join("; ")), " ",
                el("span", "matched", "matched " + m.field + " (" + m.kind + "): " +
                   (m.snippet || m.form)));
      list.append(li);
    }
    out.append(list);
  }

  async function ask(q) {
    const mine = ++asked;
    if (!q.trim()) { out.replaceChildren(); return; }
    try {
      const response = await fetch("/api/search?limit=20&q=" + encodeURIComponent(q));
      const data = await response.json();
      if (mine !== asked) return;  // a newer query was typed meanwhile
      if (data.error) { out.replaceChildren(el("p", "error", data.error.message)); return; }
      draw(data);
      history.replaceState(null, "", "/?q=" + encodeURIComponent(q));
    } catch (e) {
      if (mine === asked) out.replaceChildren(el("p", "error", "the server did not answer"));
    }
  }

  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => ask(box.value), 120);
  });
})();
