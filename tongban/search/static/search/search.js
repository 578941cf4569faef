/* Search box combobox (WAI-ARIA 1.2 combobox with listbox popup). The box works as a plain form
   without this file; with it, up/down move through the suggestions, Enter opens one, Escape closes. */
(function () {
  if (window.tongbanSearchBox) return;
  window.tongbanSearchBox = true;

  function parts(el) {
    var form = el.closest(".search-box");
    if (!form) return null;
    return { input: form.querySelector("[role=combobox]"), list: form.querySelector("[role=listbox]") };
  }
  function options(p) { return Array.prototype.slice.call(p.list.querySelectorAll("[role=option]")); }
  function close(p) {
    p.list.hidden = true;
    p.input.setAttribute("aria-expanded", "false");
    p.input.removeAttribute("aria-activedescendant");
  }
  function activate(p, index) {
    var opts = options(p);
    opts.forEach(function (o, i) { o.setAttribute("aria-selected", i === index ? "true" : "false"); });
    if (index >= 0 && opts[index]) {
      p.input.setAttribute("aria-activedescendant", opts[index].id);
      opts[index].scrollIntoView({ block: "nearest" });
    } else {
      p.input.removeAttribute("aria-activedescendant");
    }
  }
  function current(p) {
    return options(p).findIndex(function (o) { return o.getAttribute("aria-selected") === "true"; });
  }

  document.addEventListener("htmx:afterSwap", function (e) {
    var list = e.detail.target;
    if (!list || list.getAttribute("role") !== "listbox") return;
    var p = parts(list);
    var opts = options(p);
    opts.forEach(function (o, i) { o.id = list.id + "-opt-" + i; });
    var open = opts.length > 0 && p.input.value.trim() !== "";
    list.hidden = !open;
    p.input.setAttribute("aria-expanded", open ? "true" : "false");
    p.input.removeAttribute("aria-activedescendant");
  });

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (!t || t.getAttribute("role") !== "combobox") return;
    var p = parts(t);
    if (!p) return;
    var opts = options(p);
    var i = current(p);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!opts.length) return;
      e.preventDefault();
      p.list.hidden = false;
      p.input.setAttribute("aria-expanded", "true");
      var next = e.key === "ArrowDown" ? (i + 1) % opts.length : (i <= 0 ? opts.length - 1 : i - 1);
      activate(p, next);
    } else if (e.key === "Enter" && i >= 0 && !p.list.hidden) {
      e.preventDefault();
      window.location.href = opts[i].getAttribute("data-url");
    } else if (e.key === "Escape") {
      if (!p.list.hidden) { e.preventDefault(); close(p); }
    }
  });

  document.addEventListener("click", function (e) {
    var opt = e.target.closest && e.target.closest(".search-box [role=option]");
    if (opt) return; // the link inside navigates
    document.querySelectorAll(".search-box").forEach(function (form) {
      if (!form.contains(e.target)) {
        var p = parts(form);
        if (p && p.list) close(p);
      }
    });
  });
})();
