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
