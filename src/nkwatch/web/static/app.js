// nkwatch pages: small enhancements only; every page works without this file.
(function () {
  "use strict";
  // Filter forms marked "auto" are submitted when a select changes.
  document.querySelectorAll("form.auto select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  // "hide boilerplate" checkboxes toggle the greyed spans of the article texts.
  document.querySelectorAll("input.hide-bp").forEach(function (box) {
    box.addEventListener("change", function () {
      document.querySelectorAll(".article").forEach(function (article) {
        article.classList.toggle("hide-bp", box.checked);
      });
    });
  });
  // A framed article (the event page's source texts) is scrolled to its first evidence, with a few
  // lines of what comes before it in view; an article opened later is scrolled when it opens.
  var CONTEXT_LINES = 3;
  function toEvidence(article) {
    var mark = article.querySelector("mark.ev-mention, mark.ev-claim");
    if (!mark || !article.clientHeight) return;
    var line = parseFloat(getComputedStyle(article).lineHeight) || 24;
    article.scrollTop = Math.max(0, mark.offsetTop - article.offsetTop - CONTEXT_LINES * line);
    article.dataset.scrolled = String(article.scrollTop);
  }
  document.querySelectorAll(".article.framed").forEach(function (article) {
    var details = article.closest("details");
    if (details) details.addEventListener("toggle", function () { if (details.open) toEvidence(article); });
    toEvidence(article);
  });
  // Following a link to an evidence span opens the article that holds it.
  function reveal() {
    if (!location.hash) return;
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var details = target && target.closest("details");
    if (details && !details.open) { details.open = true; target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
})();
