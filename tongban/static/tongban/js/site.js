// Small progressive enhancements; every page works without this file. No inline script anywhere: the
// Content-Security-Policy allows scripts from the site's own files only (tongban/settings.py).
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-print]");
  if (button) { event.preventDefault(); window.print(); }
});
document.documentElement.classList.add("js");

(function () {
  /* Application forms (forms/_form.html): hide the blocks that do not apply to the chosen 申请人类型
     (the server ignores them anyway). */
  function applicantTypeBlocks(root) {
    var forms = Array.prototype.slice.call(root.querySelectorAll("[data-tb-form]"));
    if (root.matches && root.matches("[data-tb-form]")) { forms.push(root); }
    forms.forEach(function (form) {
      if (form.dataset.tbReady) { return; }
      form.dataset.tbReady = "1";
      var inputs = form.querySelectorAll('[name="applicant_type"]');
      if (!inputs.length) { return; }
      function chosen() {
        var value = "";
        inputs.forEach(function (el) { if (el.tagName === "SELECT" || el.checked) { value = el.value; } });
        return value;
      }
      function apply() {
        var value = chosen();
        form.querySelectorAll("[data-applies-to]").forEach(function (el) {
          var codes = el.getAttribute("data-applies-to").split(" ");
          el.hidden = Boolean(value) && codes.indexOf(value) < 0;
        });
      }
      inputs.forEach(function (el) { el.addEventListener("change", apply); });
      apply();
    });
  }
  /* An error summary shown after a failed submit takes the focus, so screen readers read it first. */
  function focusSummary(root) {
    var summary = root.matches && root.matches("[data-focus-on-load]") ? root : root.querySelector("[data-focus-on-load]");
    if (summary) { summary.focus(); }
  }
  function enhance(root) { applicantTypeBlocks(root); focusSummary(root); }
  enhance(document);  // deferred: the document is parsed
  document.addEventListener("htmx:load", function (event) {
    if (event.target !== document.body) { enhance(event.target); }
  });
})();
