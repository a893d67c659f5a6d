// The statistics tables scroll sideways when they are wider than the screen: say so. Each scroller marked
// data-scroll-hint gets the class more-start when columns have scrolled out at its start, more-end while
// some lie past its end, and the hint before it (.scroll-hint) shows only while the table does not fit.
// In a right-to-left page Chromium counts scrollLeft from 0 down to negative values: the distance from the
// start is its absolute value either way.
(function () {
  "use strict";
  function watch(wrap) {
    var hint = wrap.previousElementSibling;
    if (!hint || !hint.classList.contains("scroll-hint")) hint = null;
    function update() {
      var overflow = wrap.scrollWidth - wrap.clientWidth;
      var fromStart = Math.abs(wrap.scrollLeft);
      wrap.classList.toggle("more-start", overflow > 1 && fromStart > 1);
      wrap.classList.toggle("more-end", overflow > 1 && overflow - fromStart > 1);
      if (hint) hint.hidden = overflow <= 1;
    }
    wrap.addEventListener("scroll", update, { passive: true });
    if (window.ResizeObserver) new ResizeObserver(update).observe(wrap);
    else window.addEventListener("resize", update);
    update();
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".table-wrap[data-scroll-hint]").forEach(watch);
  });
})();
