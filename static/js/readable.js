/* Issue 15: a visible cue on every horizontally scrolling table or chart.
   A scroll container whose content is wider than itself gets the class
   is-overflowing and, just before it, a line saying that it scrolls (the text
   is the page's data-scroll-cue, in the interface language). Pages work
   without this file; CSS then shows edge shadows on scrolling tables. */
(function () {
  "use strict";
  var SELECTOR = ".table-scroll, .heat-scroll, .chart-scroll, main table.data, [data-scroll], " +
                 "#changelist-form .results, .inline-group .tabular";   // the admin's lists and inlines

  function cueText() {
    var meta = document.querySelector('meta[name="scroll-cue"]');   // the admin's pages say it here
    return document.documentElement.getAttribute("data-scroll-cue") || (meta && meta.content) || "← →";
  }

  function cueOf(el, create) {
    var prev = el.previousElementSibling;
    if (prev && prev.classList.contains("scroll-cue")) return prev;
    if (!create) return null;
    var cue = document.createElement("p");
    cue.className = "scroll-cue";
    cue.setAttribute("aria-hidden", "true");
    cue.textContent = cueText();
    el.parentNode.insertBefore(cue, el);
    return cue;
  }

  function update() {
    document.querySelectorAll(SELECTOR).forEach(function (el) {
      var style = window.getComputedStyle(el);
      var scrolls = style.overflowX === "auto" || style.overflowX === "scroll";
      var over = scrolls && el.scrollWidth > el.clientWidth + 1;
      el.classList.toggle("is-overflowing", over);
      var cue = cueOf(el, over);
      if (cue) cue.hidden = !over;
      if (over && !el.hasAttribute("tabindex")) el.setAttribute("tabindex", "0");
    });
  }

  var pending = null;
  function later() {
    if (pending) window.clearTimeout(pending);
    pending = window.setTimeout(update, 100);
  }
  document.addEventListener("DOMContentLoaded", update);
  window.addEventListener("load", update);
  window.addEventListener("resize", later);
  document.addEventListener("toggle", later, true);   // a <details> opened
})();
