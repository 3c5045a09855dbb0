/* Optional enhancements; every page works without this file. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // Filter forms marked data-autosubmit submit when a checkbox or select changes.
    document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
      form.addEventListener("change", function (event) {
        var t = event.target;
        if (t.matches('input[type="checkbox"], input[type="radio"], select')) {
          var page = form.querySelector('input[name="page"]');
          if (page) page.remove();
          form.requestSubmit ? form.requestSubmit() : form.submit();
        }
      });
    });
    // On phones the facet panel starts collapsed behind a toggle button.
    document.querySelectorAll("[data-facet-toggle]").forEach(function (button) {
      var panel = document.getElementById(button.getAttribute("aria-controls"));
      if (!panel) return;
      if (window.matchMedia("(max-width: 900px)").matches) {
        panel.classList.add("collapsed");
        button.setAttribute("aria-expanded", "false");
      }
      button.addEventListener("click", function () {
        var collapsed = panel.classList.toggle("collapsed");
        button.setAttribute("aria-expanded", collapsed ? "false" : "true");
      });
    });
  });
})();
