// kamer-nlp review page: draws the embedded records, records the annotator's corrections
// and downloads them as gold JSONL (kamer_nlp.annotation.review.from_review reads it back).
// Vanilla JS, no network. Every record string reaches the DOM as a text node or an
// attribute value set through the DOM API, never as HTML.
(function () {
  "use strict";

  const DATA = JSON.parse(document.getElementById("kamer-data").textContent);
  const LABELS = DATA.labels;
  // on equal offsets the outer mark is drawn first: a COMMITMENT contains the others
  const RANK = { COMMITMENT: 0, REFERENCE: 1, ACTOR: 2, TIMEX: 3 };
  const STORE_PREFIX = "kamer-review:v" + DATA.version + ":";
  const CURRENT_KEY = "kamer-review:current";

  const view = document.getElementById("doc-view");
  const panel = document.getElementById("panel");
  const list = document.getElementById("doc-list");
  const statusEl = document.getElementById("status");
  const downloadBtn = document.getElementById("download");

  // text node → {a, b} code point offsets of its text in the record text
  let OFFSETS = new WeakMap();

  // ------------------------------------------------------------------ small helpers

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") el.className = v;
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : String(c)); // strings become text nodes
    }
    return el;
  }

  function say(message) {
    statusEl.textContent = message;
  }

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  function fmt(value) {
    if (value === null || value === undefined) return "—";
    return typeof value === "string" ? value : JSON.stringify(value);
  }

  // Python offsets count code points; JS strings count UTF-16 units. The index maps
  // between them (identity when the text has no surrogate pairs).
  function codeIndex(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) {
      return { n: text.length, u16: (cp) => cp, cpFloor: (u) => u, cpCeil: (u) => u };
    }
    const starts = [];
    let i = 0;
    while (i < text.length) {
      starts.push(i);
      const c = text.charCodeAt(i);
      const pair = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      i += pair ? 2 : 1;
    }
    starts.push(text.length);
    const floor = (u) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= u) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    return {
      n: starts.length - 1,
      u16: (cp) => starts[Math.max(0, Math.min(cp, starts.length - 1))],
      cpFloor: floor,
      cpCeil: (u) => {
        const cp = floor(u);
        return starts[cp] === u ? cp : cp + 1;
      },
    };
  }

  // ------------------------------------------------------------------ state

  function newDocState(d, index) {
    const ix = codeIndex(d.text);
    const spans = new Map();
    for (const s of d.spans) {
      spans.set(s.id, {
        ...s,
        orig: { label: s.label, kb_id: s.kb_id ?? null },
        status: "pending",
        added: false,
      });
    }
    return { d, index, ix, spans, done: false, nextNew: 1 };
  }

  const docs = DATA.documents.map(newDocState);
  let current = -1;
  let selected = null; // span id in the current document
  let lastRange = null; // the last text selection inside the document

  function slice(ds, a, b) {
    return ds.d.text.slice(ds.ix.u16(a), ds.ix.u16(b));
  }

  function storeKey(ds) {
    return STORE_PREFIX + ds.d.id + ":" + ds.d.text_sha256;
  }

  function save(ds) {
    const changed = {};
    const added = [];
    for (const s of ds.spans.values()) {
      if (s.added) added.push({ id: s.id, start: s.start, end: s.end, label: s.label, kb_id: s.kb_id, status: s.status });
      else if (s.status !== "pending" || s.label !== s.orig.label || s.kb_id !== s.orig.kb_id) {
        changed[s.id] = { status: s.status, label: s.label, kb_id: s.kb_id };
      }
    }
    try {
      if (!touched(ds)) localStorage.removeItem(storeKey(ds));
      else localStorage.setItem(storeKey(ds), JSON.stringify({ done: ds.done, nextNew: ds.nextNew, changed, added }));
    } catch (e) {
      // storage may be unavailable (private mode, quota); the page still works
    }
  }

  function load(ds) {
    let saved = null;
    try {
      saved = JSON.parse(localStorage.getItem(storeKey(ds)) || "null");
    } catch (e) {
      saved = null;
    }
    if (!saved) return;
    ds.done = !!saved.done;
    ds.nextNew = saved.nextNew || 1;
    for (const [id, c] of Object.entries(saved.changed || {})) {
      const s = ds.spans.get(id);
      if (s) Object.assign(s, { status: c.status, label: c.label, kb_id: c.kb_id ?? null });
    }
    for (const a of saved.added || []) {
      if (a.start >= 0 && a.end <= ds.ix.n && a.start < a.end && LABELS.includes(a.label)) {
        ds.spans.set(a.id, { ...a, attrs: {}, pages: [], orig: { label: null, kb_id: null }, added: true });
      }
    }
  }

  function tally(ds) {
    const t = { accepted: 0, rejected: 0, pending: 0, added: 0, relabelled: 0, kb_changed: 0 };
    for (const s of ds.spans.values()) {
      if (s.added) {
        t.added += 1;
        continue;
      }
      t[s.status] += 1;
      if (s.label !== s.orig.label) t.relabelled += 1;
      if ((s.kb_id ?? null) !== s.orig.kb_id && s.label === s.orig.label) t.kb_changed += 1;
    }
    return t;
  }

  function touched(ds) {
    const t = tally(ds);
    return ds.done || t.accepted + t.rejected + t.added + t.relabelled + t.kb_changed > 0;
  }

  function spanOrder(a, b) {
    return a.start - b.start || b.end - a.end || (RANK[a.label] ?? 9) - (RANK[b.label] ?? 9) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }

  // ------------------------------------------------------------------ corrections out

  function goldLine(ds) {
    const d = ds.d;
    const kept = [...ds.spans.values()].filter((s) => s.status !== "rejected").sort(spanOrder);
    return {
      id: d.id,
      text: d.text,
      labels: LABELS,
      origin: "review",
      spans: kept.map((s) => ({
        start: s.start,
        end: s.end,
        label: s.label,
        text: slice(ds, s.start, s.end),
        kb_id: s.kb_id ?? null,
      })),
      kamer: {
        doc_id: d.id,
        text_sha256: d.text_sha256,
        source_sha256: (d.source || {}).sha256 || null,
        schema: d.schema || null,
        labels: LABELS,
        review_version: DATA.version,
      },
      review: { status: ds.done ? "done" : "partial", ...tally(ds) },
    };
  }

  function corrections() {
    return docs.filter(touched).map(goldLine);
  }

  function correctionsJsonl() {
    return corrections().map((line) => JSON.stringify(line) + "\n").join("");
  }

  function download() {
    const text = correctionsJsonl();
    if (!text) {
      say("nothing to download yet: review a document first");
      return;
    }
    const url = URL.createObjectURL(new Blob([text], { type: "application/x-ndjson" }));
    const a = h("a", { href: url, download: "corrections.review.jsonl", hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say("downloaded " + corrections().length + " document(s)");
  }

  function refreshChrome() {
    const n = docs.filter(touched).length;
    downloadBtn.disabled = n === 0;
    downloadBtn.textContent = "Download corrections (" + n + ")";
    for (const item of list.querySelectorAll(".doc-item")) {
      const ds = docs[Number(item.dataset.index)];
      const state = item.querySelector(".review-state");
      state.textContent = ds.done ? "✓ reviewed" : touched(ds) ? "edited" : "";
      state.classList.toggle("done", ds.done);
    }
  }

  function changed(ds) {
    save(ds);
    renderDocument(true);
    refreshChrome();
  }

  // ------------------------------------------------------------------ the document list

  function labelCounts(spans) {
    const counts = Object.fromEntries(LABELS.map((l) => [l, 0]));
    for (const s of spans) counts[s.label] = (counts[s.label] || 0) + 1;
    return counts;
  }

  function countChips(counts) {
    return h(
      "span",
      { class: "counts" },
      LABELS.map((l) => h("span", { class: "count l-" + l, title: l, "data-label": l }, l.slice(0, 3) + " " + counts[l]))
    );
  }

  function renderList() {
    const items = docs.map((ds, i) => {
      const d = ds.d;
      const m = d.meta || {};
      const sub = [m.date || "no date", (d.source || {}).layout, d.source && d.source.pages ? d.source.pages + " p." : null]
        .filter(Boolean)
        .join(" · ");
      return h(
        "li",
        {},
        h(
          "button",
          { type: "button", class: "doc-item", "data-index": i, "data-id": d.id, onclick: () => selectDocument(i) },
          h("span", { class: "review-state" }),
          h("span", { class: "doc-id" }, d.id),
          h("span", { class: "doc-title" }, m.title || m.subject || "(no title)"),
          h("span", { class: "doc-sub" }, sub),
          countChips(labelCounts(d.spans)),
          d.warnings.length ? h("span", { class: "warn", title: d.warnings.map(fmt).join("\n") }, "⚠ " + d.warnings.length + " warning(s)") : null
        )
      );
    });
    list.replaceChildren(h("ul", {}, items));
    if (DATA.errors.length) {
      list.append(
        h(
          "div",
          { class: "errors" },
          h("strong", {}, DATA.errors.length + " file(s) could not be processed"),
          h("ul", {}, DATA.errors.map((e) => h("li", {}, h("code", {}, e.error || "error"), " ", e.path || "", e.message ? ": " + e.message : "")))
        )
      );
    }
  }

  function renderChrome() {
    const legend = document.getElementById("legend");
    legend.replaceChildren(
      ...LABELS.map((l) =>
        h(
          "label",
          {},
          h("input", {
            type: "checkbox",
            checked: true,
            "data-show": l,
            onchange: (e) => view.classList.toggle("hide-" + l, !e.target.checked),
          }),
          h("span", { class: "swatch l-" + l }, l)
        )
      )
    );
    const bar = document.getElementById("add-bar");
    for (const [i, l] of LABELS.entries()) {
      bar.append(
        h(
          "button",
          {
            type: "button",
            class: "swatch l-" + l,
            "data-add": l,
            title: "add the selected text as " + l + " (key " + (i + 1) + " while text is selected)",
            // keep the text selection when the button is pressed
            onmousedown: (e) => e.preventDefault(),
            onclick: () => addFromSelection(l),
          },
          "+ " + l
        )
      );
    }
    downloadBtn.addEventListener("click", download);
  }

  // ------------------------------------------------------------------ drawing the text

  function blocksOf(ds) {
    const d = ds.d;
    const n = ds.ix.n;
    const notes = d.footnotes
      .map((f, i) => ({ kind: "note", start: f.start, end: f.end, note: i }))
      .filter((b) => b.start <= b.end);
    const firstNote = notes.length ? Math.min(...notes.map((b) => b.start)) : n;
    const paras = [...d.paragraphs].sort((a, b) => a.start - b.start);
    const blocks = [];
    let last = 0;
    for (const p of paras) {
      const start = Math.max(p.start, last);
      if (p.end <= start) continue;
      blocks.push({ kind: p.kind || "paragraph", start, end: p.end });
      last = p.end;
    }
    const covered = [...blocks, ...notes].sort((a, b) => a.start - b.start);
    // text no paragraph or note covers: shown unless it is blank or a note's own label
    const gaps = [];
    let pos = 0;
    const spanStarts = [...ds.spans.values()];
    const addGap = (a, b, nextNote) => {
      if (b <= a) return;
      let t = slice(ds, a, b).trim();
      if (nextNote !== null && t === String(d.footnotes[nextNote].label)) t = "";
      const hasSpan = spanStarts.some((s) => s.start < b && s.end > a);
      if (t || hasSpan) gaps.push({ kind: "gap", start: a, end: b });
    };
    for (const b of covered) {
      addGap(pos, b.start, b.kind === "note" ? b.note : null);
      pos = Math.max(pos, b.end);
    }
    addGap(pos, n, null);
    if (!paras.length && !gaps.length && firstNote > 0) gaps.push({ kind: "paragraph", start: 0, end: firstNote });
    const body = [...blocks, ...gaps.filter((g) => g.start < firstNote)].sort((a, b) => a.start - b.start);
    const tail = gaps.filter((g) => g.start >= firstNote);
    return { body, notes, tail };
  }

  function markerPositions(ds) {
    const out = [];
    ds.d.footnotes.forEach((f, i) => {
      if (f.marker && typeof f.marker.start === "number") out.push({ at: f.marker.start, note: i, label: f.label });
    });
    return out;
  }

  // fill `el` with text [bs, be): nested marks for spans, repair underlines, note markers
  // (ctx: the note markers, those drawn, and how many elements each span has so far)
  function fillBlock(el, ds, bs, be, ctx) {
    const D = ds.index;
    const items = [];
    for (const s of ds.spans.values()) {
      if (s.start < be && s.end > bs) items.push({ kind: "span", s, start: s.start, end: s.end, label: s.label, id: s.id });
    }
    ds.d.repairs.forEach((r, i) => {
      if (r.start < r.end && r.start < be && r.end > bs && r.kind !== "footnote_marker") {
        items.push({ kind: "repair", r, i, start: r.start, end: r.end, label: "~", id: "~" + i });
      }
    });
    items.sort(spanOrder);
    const { doneMarkers, parts } = ctx;
    const here = ctx.markers.filter((m) => m.at >= bs && m.at <= be && !doneMarkers.has(m.note));
    const points = new Set([bs, be]);
    for (const it of items) {
      points.add(Math.max(it.start, bs));
      points.add(Math.min(it.end, be));
    }
    for (const m of here) points.add(m.at);
    const sorted = [...points].sort((a, b) => a - b);
    const stack = []; // [{item, el}]
    const top = () => (stack.length ? stack[stack.length - 1].el : el);
    const emitMarkers = (at) => {
      for (const m of here) {
        if (m.at !== at || doneMarkers.has(m.note)) continue;
        doneMarkers.add(m.note);
        top().append(
          h("sup", { class: "fn", id: "fnref-" + D + "-" + m.note }, h("a", { href: "#note-" + D + "-" + m.note, title: "note " + m.label }, m.label))
        );
      }
    };
    for (let k = 0; k + 1 < sorted.length; k++) {
      const a = sorted[k];
      const b = sorted[k + 1];
      const cover = items.filter((it) => it.start <= a && it.end >= b);
      let keep = 0;
      while (keep < stack.length && keep < cover.length && stack[keep].item === cover[keep]) keep++;
      stack.length = keep;
      emitMarkers(a);
      for (let j = keep; j < cover.length; j++) {
        const it = cover[j];
        const n = parts.get(it.id) || 0;
        parts.set(it.id, n + 1);
        const node = it.kind === "span" ? markFor(ds, it.s, n) : repairFor(ds, it.r, it.i, n);
        top().append(node);
        stack.push({ item: it, el: node });
      }
      const t = document.createTextNode(slice(ds, a, b));
      OFFSETS.set(t, { a, b });
      top().append(t);
    }
    stack.length = 0;
    emitMarkers(be);
    // nested marks get deeper underlines: --h = how many mark levels lie inside
    const height = (node) => {
      let best = 0;
      for (const c of node.children) {
        const hc = height(c);
        best = Math.max(best, c.tagName === "MARK" ? hc + 1 : hc);
      }
      if (node.tagName === "MARK") node.style.setProperty("--h", String(best));
      return best;
    };
    height(el);
  }

  function markFor(ds, s, part) {
    const classes = ["sp", "l-" + s.label, s.status];
    if (s.added) classes.push("added");
    else if (s.label !== s.orig.label) classes.push("relabelled");
    if (part > 0) classes.push("cont");
    if (s.id === selected) classes.push("selected");
    return h("mark", {
      class: classes.join(" "),
      id: part === 0 ? "sp-" + ds.index + "-" + s.id : null,
      "data-id": s.id,
      "data-label": s.label,
      "data-part": part,
      tabindex: part === 0 ? "-1" : null,
      title: s.label + (s.kb_id ? " · " + s.kb_id : "") + (s.status !== "pending" ? " · " + s.status : ""),
    });
  }

  function repairFor(ds, r, i, part) {
    return h("span", {
      class: "rp",
      id: part === 0 ? "rp-" + ds.index + "-" + i : null,
      title: r.kind + ": " + r.decision + " (" + fmt(r.confidence) + ") from " + JSON.stringify(r.source),
    });
  }

  function pageOfBlock(ds, b) {
    let best = null;
    for (const s of ds.spans.values()) {
      if (s.start >= b.start && s.start < b.end && s.pages && s.pages.length) {
        if (best === null || s.pages[0] < best) best = s.pages[0];
      }
    }
    for (const r of ds.d.repairs) {
      if (r.start >= b.start && r.start < b.end && typeof r.page === "number") {
        if (best === null || r.page < best) best = r.page;
      }
    }
    return best;
  }

  function renderText(ds) {
    const D = ds.index;
    const { body, notes, tail } = blocksOf(ds);
    const markers = markerPositions(ds);
    const doneMarkers = new Set();
    const ctx = { markers, doneMarkers, parts: new Map() };
    const noMarkers = { markers: [], doneMarkers, parts: ctx.parts };
    const text = h("section", { class: "text", "aria-label": "text" });
    let lastPage = 0;
    // debates: a speaker label where each turn starts (name, role, party or function)
    const turns = [...(ds.d.turns || [])].sort((a, b) => a.start - b.start);
    let nextTurn = 0;
    for (const b of body) {
      while (nextTurn < turns.length && turns[nextTurn].start < b.end) {
        const t = turns[nextTurn++];
        const who = t.party || t.function;
        text.append(
          h("div", { class: "turn turn-" + t.role, "data-start": t.start, "data-end": t.end },
            h("span", { class: "turn-speaker" }, t.speaker),
            " ",
            h("span", { class: "turn-role" }, t.role + (who ? " · " + who : "") + (t.source === "markup" ? "" : " (" + t.source + ")")))
        );
      }
      const p = h("p", { class: "blk k-" + b.kind, "data-start": b.start, "data-end": b.end });
      const page = pageOfBlock(ds, b);
      if (page !== null && page > lastPage) {
        p.append(h("span", { class: "page-mark", title: "page, from the PDF boxes of the spans", "aria-hidden": "true" }, "p. " + page));
        lastPage = page;
      }
      fillBlock(p, ds, b.start, b.end, ctx);
      text.append(p);
    }
    // notes, and any text between them that is not a note's label, in text order
    const noteList = h("ol", { class: "notes" });
    for (const b of [...notes, ...tail].sort((x, y) => x.start - y.start)) {
      if (b.kind !== "note") {
        const blk = h("span", { class: "blk k-gap", "data-start": b.start, "data-end": b.end });
        fillBlock(blk, ds, b.start, b.end, noMarkers);
        noteList.append(h("li", { class: "note" }, h("span", { class: "fn-back" }, ""), blk));
        continue;
      }
      const f = ds.d.footnotes[b.note];
      const linked = f.marker && typeof f.marker.start === "number";
      const blk = h("span", { class: "blk k-note", "data-start": b.start, "data-end": b.end });
      fillBlock(blk, ds, b.start, b.end, noMarkers);
      noteList.append(
        h(
          "li",
          { class: "note", id: "note-" + D + "-" + b.note },
          linked
            ? h("a", { class: "fn-back", href: "#fnref-" + D + "-" + b.note, title: "back to the text" }, f.label + " ↩")
            : h("span", { class: "fn-back", title: "marker not found in the text" }, f.label),
          blk
        )
      );
    }
    // markers no block reached (offsets past the text) still link to their note
    for (const m of markers) {
      if (!doneMarkers.has(m.note)) {
        text.append(h("sup", { class: "fn", id: "fnref-" + D + "-" + m.note }, h("a", { href: "#note-" + D + "-" + m.note }, m.label)));
      }
    }
    const out = [text];
    if (notes.length || tail.length) out.push(h("h3", {}, "Notes"), noteList);
    return out;
  }

  // ------------------------------------------------------------------ tables

  function spanLink(ds, id, label) {
    if (!id || !ds.spans.has(id)) return label === null || label === undefined ? "—" : String(label);
    return h(
      "a",
      {
        href: "#sp-" + ds.index + "-" + id,
        "data-span": id,
        onclick: (e) => {
          e.preventDefault();
          selectSpan(id, true);
        },
      },
      label === null || label === undefined ? id : String(label)
    );
  }

  function commitmentsTable(ds) {
    const rows = ds.d.commitments.map((c) => {
      const actor = c.actor || {};
      const dl = c.deadline || {};
      return h(
        "tr",
        { "data-commitment": c.id },
        h("td", {}, spanLink(ds, c.span, c.id)),
        h("td", {}, spanLink(ds, actor.span, actor.name || actor.actor_id), actor.function ? h("div", { class: "mono" }, actor.function) : null),
        h("td", {}, c.action || "—"),
        h("td", {}, c.deadline ? spanLink(ds, dl.span, dl.text) : "—", dl.value ? h("div", { class: "mono" }, dl.value + (dl.mod ? " " + dl.mod : "")) : null),
        h("td", { class: "mono" }, dl.due || "—"),
        h("td", { class: "num" }, typeof c.confidence === "number" ? c.confidence.toFixed(2) : "—"),
        h("td", {}, c.status || "—"),
        h("td", { class: "num" }, c.page ?? "—")
      );
    });
    return h(
      "table",
      { class: "tbl commitments" },
      h("thead", {}, h("tr", {}, ["commitment", "actor", "action", "deadline", "due", "confidence", "status", "page"].map((t) => h("th", {}, t)))),
      h("tbody", {}, rows)
    );
  }

  function repairsTable(ds) {
    const rows = ds.d.repairs.map((r, i) => {
      const result = r.start < r.end ? slice(ds, r.start, r.end) : "";
      const target = r.start < r.end && r.kind !== "footnote_marker" ? "#rp-" + ds.index + "-" + i : null;
      return h(
        "tr",
        { "data-repair": i },
        h("td", {}, r.kind),
        h("td", {}, r.decision),
        h("td", { class: "num" }, typeof r.confidence === "number" ? r.confidence.toFixed(2) : "—"),
        h("td", { class: "num" }, r.page ?? "—"),
        h("td", { class: "mono" }, String(r.source ?? "").replace(/\n/g, "⏎")),
        h(
          "td",
          { class: "mono" },
          target
            ? h(
                "a",
                {
                  href: target,
                  onclick: (e) => {
                    e.preventDefault();
                    flash(document.getElementById(target.slice(1)));
                  },
                },
                result.replace(/\n/g, "⏎")
              )
            : result || "—"
        )
      );
    });
    const kinds = {};
    for (const r of ds.d.repairs) kinds[r.kind + " " + r.decision] = (kinds[r.kind + " " + r.decision] || 0) + 1;
    const summary = Object.entries(kinds)
      .map(([k, n]) => n + " " + k)
      .join(", ");
    return h(
      "details",
      { class: "repairs" },
      h("summary", {}, "Repairs (" + ds.d.repairs.length + ")" + (summary ? ": " + summary : "")),
      h(
        "table",
        { class: "tbl" },
        h("thead", {}, h("tr", {}, ["kind", "decision", "confidence", "page", "source", "result"].map((t) => h("th", {}, t)))),
        h("tbody", {}, rows)
      )
    );
  }

  function flash(el) {
    if (!el) return;
    el.scrollIntoView({ block: "center" });
    el.classList.remove("hl");
    void el.offsetWidth; // restart the animation
    el.classList.add("hl");
  }

  // ------------------------------------------------------------------ a document

  function renderHeader(ds) {
    const d = ds.d;
    const m = d.meta || {};
    const src = d.source || {};
    const dossier = [m.dossier, m.toevoeging, m.ondernummer ? "nr. " + m.ondernummer : null].filter(Boolean).join(" ");
    const people = (m.signatories || []).map((s) => [s.name, s.function].filter(Boolean).join(", ")).join("; ");
    const rows = [
      ["id", d.id],
      ["date", m.date],
      ["type", [m.doc_type, src.layout].filter(Boolean).join(" · ")],
      ["dossier", dossier],
      ["kenmerk", m.kenmerk],
      ["signed", people],
      ["source", [src.path, src.pages ? src.pages + " page(s)" : null].filter(Boolean).join(" · ")],
      ["pipeline", d.pipeline ? [d.pipeline.name, d.pipeline.version, d.pipeline.model].filter(Boolean).join(" ") : null],
    ].filter(([, v]) => v);
    const t = tally(ds);
    const now = labelCounts([...ds.spans.values()].filter((s) => s.status !== "rejected"));
    const pred = labelCounts(d.spans);
    return [
      h("h2", {}, m.title || m.subject || d.id),
      h("dl", { class: "meta" }, rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
      d.warnings.length ? h("ul", { class: "warnings" }, d.warnings.map((w) => h("li", {}, "⚠ " + fmt(w)))) : null,
      h(
        "div",
        { class: "counts", "aria-label": "spans per label: record → after corrections" },
        LABELS.map((l) => h("span", { class: "count l-" + l }, l + " " + pred[l] + (now[l] !== pred[l] ? " → " + now[l] : "")))
      ),
      h(
        "div",
        { class: "doc-tools" },
        h("button", { type: "button", "data-doc-action": "accept-all", onclick: () => acceptAll(ds) }, "Accept all pending (" + t.pending + ")"),
        h("button", { type: "button", "data-doc-action": "done", "aria-pressed": ds.done ? "true" : "false", onclick: () => toggleDone(ds) }, ds.done ? "✓ Reviewed" : "Mark reviewed"),
        h("button", { type: "button", "data-doc-action": "reset", onclick: () => resetDoc(ds) }, "Reset document"),
        h(
          "span",
          { class: "hint", "data-tally": "" },
          t.accepted + " accepted · " + t.rejected + " rejected · " + t.added + " added · " + t.relabelled + " relabelled · " + t.pending + " pending"
        )
      ),
    ];
  }

  function renderDocument(keepScroll) {
    const ds = docs[current];
    if (!ds) {
      view.replaceChildren(h("p", {}, "No documents in this run."));
      return;
    }
    const y = window.scrollY;
    OFFSETS = new WeakMap();
    lastRange = null;
    const parts = [...renderHeader(ds), ...renderText(ds)];
    if (ds.d.commitments.length) parts.push(h("h3", {}, "Commitments (" + ds.d.commitments.length + ")"), commitmentsTable(ds));
    parts.push(h("h3", {}, "Repairs"), repairsTable(ds));
    view.replaceChildren(...parts.filter(Boolean));
    view.dataset.doc = ds.d.id;
    if (keepScroll) window.scrollTo(0, y);
    renderPanel();
  }

  function selectDocument(which) {
    const i = typeof which === "number" ? which : docs.findIndex((ds) => ds.d.id === which);
    if (i < 0 || i >= docs.length) return false;
    current = i;
    selected = null;
    for (const item of list.querySelectorAll(".doc-item")) item.setAttribute("aria-current", item.dataset.index === String(i) ? "true" : "false");
    try {
      sessionStorage.setItem(CURRENT_KEY, docs[i].d.id);
    } catch (e) {
      // no session storage: start at the first document next time
    }
    renderDocument(false);
    window.scrollTo(0, 0);
    return true;
  }

  // ------------------------------------------------------------------ the side panel

  function renderPanel() {
    const ds = docs[current];
    const s = ds && selected ? ds.spans.get(selected) : null;
    if (!s) {
      panel.replaceChildren(
        h("p", { class: "hint" }, "Click a highlighted span to see its kb_id and attributes and to accept, reject or relabel it. Select text and press a label button (or 1–" + LABELS.length + ") to add a span."),
        h("p", { class: "keys" }, "keys: a accept · r reject · 1–" + LABELS.length + " label · j/k next/previous · Esc close")
      );
      panel.dataset.span = "";
      return;
    }
    panel.dataset.span = s.id;
    const url = safeUrl(s.attrs && s.attrs.url);
    const kb = s.kb_id ? (url ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer", class: "kb" }, s.kb_id) : h("code", { class: "kb" }, s.kb_id)) : h("span", { class: "kb" }, "—");
    const attrs = Object.entries(s.attrs || {}).map(([k, v]) => h("tr", {}, h("th", {}, k), h("td", {}, fmt(v))));
    const labelSelect = h(
      "select",
      { "data-action": "label", "aria-label": "label", onchange: (e) => relabel(ds, s, e.target.value) },
      LABELS.map((l) => h("option", { value: l, selected: l === s.label }, l))
    );
    const kbInput = h("input", { type: "text", value: s.kb_id || "", "data-action": "kb", "aria-label": "kb_id", placeholder: "kb_id (empty: none)" });
    kbInput.addEventListener("change", () => setKb(ds, s, kbInput.value));
    const state = s.added ? "added by you" : s.status + (s.label !== s.orig.label ? ", was " + s.orig.label : "");
    const parts = [
      h("h3", {}, h("span", { class: "swatch l-" + s.label }, s.label), " ", h("code", {}, s.id)),
      h("div", { class: "span-text" }, slice(ds, s.start, s.end)),
      h(
        "table",
        {},
        h("tr", {}, h("th", {}, "kb_id"), h("td", {}, kb)),
        h("tr", {}, h("th", {}, "offsets"), h("td", { class: "mono" }, "[" + s.start + ", " + s.end + ")")),
        h("tr", {}, h("th", {}, "page"), h("td", { "data-pages": "" }, s.pages && s.pages.length ? s.pages.join(", ") : "—")),
        h("tr", {}, h("th", {}, "state"), h("td", { "data-state": "" }, state))
      ),
      h(
        "div",
        { class: "panel-actions" },
        h("button", { type: "button", "data-action": "accept", onclick: () => setStatus(ds, s, "accepted"), disabled: s.status === "accepted" }, "Accept"),
        s.added
          ? h("button", { type: "button", "data-action": "remove", onclick: () => removeAdded(ds, s) }, "Remove")
          : s.status === "rejected"
            ? h("button", { type: "button", "data-action": "undo", onclick: () => setStatus(ds, s, "pending") }, "Undo reject")
            : h("button", { type: "button", "data-action": "reject", onclick: () => setStatus(ds, s, "rejected") }, "Reject"),
        labelSelect,
        kbInput
      ),
    ];
    if (attrs.length) parts.push(h("table", { class: "attrs" }, attrs));
    const c = s.label === "COMMITMENT" || s.orig.label === "COMMITMENT" ? ds.d.commitments.find((x) => x.span === s.id) : null;
    if (c) {
      const actor = c.actor || {};
      const dl = c.deadline || {};
      parts.push(
        h(
          "table",
          { class: "commitment" },
          h("tr", {}, h("th", {}, "actor"), h("td", {}, spanLink(ds, actor.span, actor.name || actor.actor_id), actor.via ? " (via " + actor.via + ")" : "")),
          h("tr", {}, h("th", {}, "addressee"), h("td", {}, fmt(c.addressee))),
          h("tr", {}, h("th", {}, "action"), h("td", {}, fmt(c.action))),
          h("tr", {}, h("th", {}, "deadline"), h("td", {}, c.deadline ? spanLink(ds, dl.span, dl.text) : "—")),
          h("tr", {}, h("th", {}, "due"), h("td", {}, fmt(dl.due))),
          h("tr", {}, h("th", {}, "confidence"), h("td", {}, fmt(c.confidence)))
        )
      );
    }
    parts.push(h("p", { class: "keys" }, "keys: a accept · r reject · 1–" + LABELS.length + " label · j/k next/previous · Esc close"));
    panel.replaceChildren(...parts);
  }

  function selectSpan(id, scroll) {
    const ds = docs[current];
    if (!ds || !ds.spans.has(id)) return false;
    selected = id;
    for (const m of view.querySelectorAll("mark.selected")) m.classList.remove("selected");
    for (const m of view.querySelectorAll('mark[data-id="' + CSS.escape(id) + '"]')) m.classList.add("selected");
    renderPanel();
    if (scroll) flash(document.getElementById("sp-" + ds.index + "-" + id));
    return true;
  }

  // ------------------------------------------------------------------ corrections

  function setStatus(ds, s, status) {
    s.status = status;
    changed(ds);
  }

  function relabel(ds, s, label) {
    if (!LABELS.includes(label) || label === s.label) return;
    s.label = label;
    // a kb id belongs to its label (an actor id is no reference id)
    if (!s.added) s.kb_id = label === s.orig.label ? s.orig.kb_id : null;
    if (s.status === "rejected") s.status = "accepted";
    changed(ds);
  }

  function setKb(ds, s, value) {
    const v = value.trim();
    s.kb_id = v ? v : null;
    changed(ds);
  }

  function removeAdded(ds, s) {
    ds.spans.delete(s.id);
    selected = null;
    changed(ds);
  }

  function acceptAll(ds) {
    for (const s of ds.spans.values()) if (s.status === "pending") s.status = "accepted";
    changed(ds);
  }

  function toggleDone(ds) {
    ds.done = !ds.done;
    changed(ds);
  }

  function resetDoc(ds) {
    if (touched(ds) && !window.confirm("Drop every correction in " + ds.d.id + "?")) return;
    docs[ds.index] = newDocState(ds.d, ds.index);
    try {
      localStorage.removeItem(storeKey(ds));
    } catch (e) {
      // nothing stored
    }
    selected = null;
    renderDocument(true);
    refreshChrome();
  }

  // A DOM point → a code point offset into the record text. Points inside drawn text map
  // directly; points between nodes (or in a note marker) map to the next text for a
  // start and to the previous text for an end.
  function offsetOf(node, off, side) {
    const ds = docs[current];
    const hit = node.nodeType === Node.TEXT_NODE ? OFFSETS.get(node) : null;
    if (hit) {
      const u = ds.ix.u16(hit.a) + off;
      return Math.min(hit.b, Math.max(hit.a, side === "end" ? ds.ix.cpCeil(u) : ds.ix.cpFloor(u)));
    }
    const point = document.createRange();
    point.setStart(node, off);
    const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    let prevEnd = null;
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const o = OFFSETS.get(t);
      if (!o) continue;
      if (point.comparePoint(t, 0) >= 0) return side === "start" || prevEnd === null ? o.a : prevEnd;
      prevEnd = o.b;
    }
    return prevEnd;
  }

  function selectionOffsets(range) {
    const ds = docs[current];
    if (!range || range.collapsed) return null;
    if (!view.contains(range.startContainer) || !view.contains(range.endContainer)) return null;
    let start = offsetOf(range.startContainer, range.startOffset, "start");
    let end = offsetOf(range.endContainer, range.endOffset, "end");
    if (start === null || end === null) return null;
    while (start < end && /\s/.test(slice(ds, start, start + 1))) start++;
    while (end > start && /\s/.test(slice(ds, end - 1, end))) end--;
    return start < end ? { start, end } : null;
  }

  function currentRange() {
    const sel = window.getSelection();
    if (sel && sel.rangeCount && !sel.isCollapsed && view.contains(sel.getRangeAt(0).commonAncestorContainer)) return sel.getRangeAt(0);
    return lastRange;
  }

  function addSpan(start, end, label) {
    const ds = docs[current];
    if (!ds || !LABELS.includes(label) || !(start >= 0 && end <= ds.ix.n && start < end)) return null;
    for (const s of ds.spans.values()) {
      if (s.start === start && s.end === end && s.label === label) {
        if (s.status === "rejected") s.status = "accepted";
        selected = s.id;
        changed(ds);
        say("that " + label + " span was already there");
        return s.id;
      }
    }
    let id;
    do id = "n" + ds.nextNew++;
    while (ds.spans.has(id));
    ds.spans.set(id, { id, start, end, label, kb_id: null, attrs: {}, pages: [], orig: { label: null, kb_id: null }, status: "accepted", added: true });
    selected = id;
    const sel = window.getSelection();
    if (sel) sel.removeAllRanges();
    changed(ds);
    say("added " + label + " “" + slice(ds, start, end).slice(0, 40) + "”");
    return id;
  }

  function addFromSelection(label) {
    const got = selectionOffsets(currentRange());
    if (!got) {
      say("select some text of the document first");
      return null;
    }
    return addSpan(got.start, got.end, label);
  }

  function stepSpan(delta) {
    const marks = [...view.querySelectorAll("mark.sp:not(.cont)")];
    if (!marks.length) return;
    const ids = marks.map((m) => m.dataset.id);
    const i = ids.indexOf(selected);
    const next = i < 0 ? (delta > 0 ? 0 : ids.length - 1) : (i + delta + ids.length) % ids.length;
    selectSpan(ids[next], true);
  }

  // ------------------------------------------------------------------ events

  view.addEventListener("click", (e) => {
    if (e.target.closest("a, button, input, select")) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return; // a drag to select text is not a click on a span
    const mark = e.target.closest("mark.sp");
    if (mark) selectSpan(mark.dataset.id, false);
  });

  document.addEventListener("selectionchange", () => {
    const sel = window.getSelection();
    if (sel && sel.rangeCount && !sel.isCollapsed && view.contains(sel.getRangeAt(0).commonAncestorContainer)) {
      lastRange = sel.getRangeAt(0).cloneRange();
    }
  });

  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest("input, select, textarea")) return;
    const ds = docs[current];
    if (!ds) return;
    const n = Number(e.key);
    const sel = window.getSelection();
    const hasText = sel && !sel.isCollapsed && view.contains(sel.anchorNode);
    if (n >= 1 && n <= LABELS.length && hasText) {
      addFromSelection(LABELS[n - 1]);
    } else if (e.key === "j") stepSpan(1);
    else if (e.key === "k") stepSpan(-1);
    else if (!selected || !ds.spans.has(selected)) return;
    else if (e.key === "a") setStatus(ds, ds.spans.get(selected), "accepted");
    else if (e.key === "r" || e.key === "x") {
      const s = ds.spans.get(selected);
      if (s.added) removeAdded(ds, s);
      else setStatus(ds, s, s.status === "rejected" ? "pending" : "rejected");
    } else if (n >= 1 && n <= LABELS.length) relabel(ds, ds.spans.get(selected), LABELS[n - 1]);
    else if (e.key === "Escape") {
      selected = null;
      for (const m of view.querySelectorAll("mark.selected")) m.classList.remove("selected");
      renderPanel();
    } else return;
    e.preventDefault();
  });

  // ------------------------------------------------------------------ start

  // sticky columns start below the header, whatever its height
  const header = document.querySelector("header.top");
  const setTop = () => document.documentElement.style.setProperty("--top", header.offsetHeight + "px");
  new ResizeObserver(setTop).observe(header);
  setTop();

  for (const ds of docs) load(ds);
  renderChrome();
  renderList();
  let start = 0;
  try {
    const id = sessionStorage.getItem(CURRENT_KEY);
    const i = docs.findIndex((ds) => ds.d.id === id);
    if (i >= 0) start = i;
  } catch (e) {
    // no session storage
  }
  if (docs.length) selectDocument(start);
  else renderDocument(false);
  refreshChrome();

  // for scripts and tests: the corrections as the download holds them, and navigation
  window.kamerReview = {
    version: DATA.version,
    documents: () => docs.map((ds) => ds.d.id),
    current: () => (docs[current] ? docs[current].d.id : null),
    selectDocument,
    selectSpan,
    addSpan,
    addFromSelection,
    offsetOf,
    corrections,
    correctionsJsonl,
  };
  document.documentElement.dataset.ready = "true";
})();
