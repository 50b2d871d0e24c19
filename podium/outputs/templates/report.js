// podium report: layer toggles and the span detail popup. Document text is only ever set with
// textContent; it comes from the JSON data block, never from markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("podium-data").textContent);
  var text = document.getElementById("text");
  var popup = document.getElementById("popup");
  var off = {};
  var opened = null;

  function el(tag, cls, content) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (content !== undefined && content !== null) node.textContent = String(content);
    return node;
  }

  function show(value) {
    return typeof value === "string" ? value : JSON.stringify(value, null, 1);
  }

  function spansOf(node) {
    var ids = (node.getAttribute("data-spans") || "").split(" ");
    var out = [];
    for (var i = 0; i < ids.length; i++) {
      var span = data.spans[Number(ids[i])];
      if (span && !off[data.layers[span.layer]]) out.push(span);
    }
    return out.sort(function (a, b) { return a.end - a.start - (b.end - b.start); });
  }

  function item(span) {
    var box = el("div", "item");
    var head = el("div", "head");
    head.appendChild(el("span", "sw sw-" + data.layers[span.layer]));
    head.appendChild(document.createTextNode(span.layer + " · "));
    head.appendChild(el("span", "label", span.label));
    if (span.score !== null && span.score !== undefined) {
      var score = typeof span.score === "number" ? span.score.toFixed(2) : span.score;
      head.appendChild(el("span", "score", " · score " + score));
    }
    box.appendChild(head);
    var explain = span.layer === "technique" && data.explanations ? data.explanations[span.label] : null;
    if (explain) box.appendChild(el("p", "explain", explain));
    box.appendChild(el("blockquote", null, span.text));
    var keys = Object.keys(span.attrs || {});
    if (keys.length) {
      var dl = el("dl");
      keys.forEach(function (key) {
        dl.appendChild(el("dt", null, key));
        dl.appendChild(el("dd", null, show(span.attrs[key])));
      });
      box.appendChild(dl);
    }
    var where = "chars " + span.start + "–" + span.end;
    box.appendChild(el("div", "src", span.source ? "by " + span.source + " · " + where : where));
    return box;
  }

  function hide(refocus) {
    if (popup.hidden) return;
    popup.hidden = true;
    if (opened) {
      opened.classList.remove("open");
      if (refocus) opened.focus();
    }
    opened = null;
  }

  function open(node) {
    var spans = spansOf(node);
    if (!spans.length) return hide(false);
    if (opened) opened.classList.remove("open");
    popup.replaceChildren.apply(popup, spans.map(item));
    popup.hidden = false;
    opened = node;
    node.classList.add("open");
    var rect = node.getBoundingClientRect();
    var width = popup.offsetWidth;
    var left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    popup.style.left = left + window.scrollX + "px";
    popup.style.top = rect.bottom + window.scrollY + 6 + "px";
  }

  document.querySelectorAll("input[data-layer]").forEach(function (box) {
    if (!box.checked) {
      off[box.getAttribute("data-layer")] = true;
      text.classList.add("off-" + box.getAttribute("data-layer"));
    }
    box.addEventListener("change", function () {
      var slug = box.getAttribute("data-layer");
      off[slug] = !box.checked;
      text.classList.toggle("off-" + slug, !box.checked);
      hide(false);
    });
  });

  var sentences = document.getElementById("show-sentences");
  if (sentences) {
    sentences.addEventListener("change", function () {
      text.classList.toggle("show-sentences", sentences.checked);
    });
  }

  text.addEventListener("click", function (event) {
    var node = event.target.closest(".hl");
    if (!node) return;
    event.stopPropagation();
    if (node === opened) hide(false);
    else open(node);
  });

  text.addEventListener("keydown", function (event) {
    var node = event.target.closest(".hl");
    if (node && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      open(node);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide(true);
  });

  document.addEventListener("click", function (event) {
    if (!popup.contains(event.target)) hide(false);
  });

  function showSentence(row) {
    var target = document.getElementById("s" + row.getAttribute("data-sentence"));
    if (!target) return;
    target.scrollIntoView({ behavior: "smooth", block: "center" });
    target.classList.add("flash");
    window.setTimeout(function () { target.classList.remove("flash"); }, 1600);
  }

  document.querySelectorAll(".claims-table tr[data-sentence]").forEach(function (row) {
    row.addEventListener("click", function () { showSentence(row); });
    row.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        showSentence(row);
      }
    });
  });

  document.querySelectorAll(".claims-table .bar").forEach(function (bar) {
    bar.style.width = Math.max(2, Number(bar.getAttribute("data-score")) * 0.6) + "px";
  });

  var allClaims = document.getElementById("show-all-claims");
  if (allClaims) {
    allClaims.addEventListener("change", function () {
      document.querySelector(".claims-table").classList.toggle("show-all", allClaims.checked);
    });
  }
})();
