// Office catalogue helpers. Everything works without this file; it only adds conveniences.
// The event form's posting picker: filter the long checkbox list by sector and area. Hidden rows keep
// their ticks, so filtering never loses a choice.
(function () {
  "use strict";
  function setUp(picker) {
    var bar = picker.querySelector(".picker-filter");
    if (!bar) return;
    bar.hidden = false;
    var selects = bar.querySelectorAll("select[data-filter]");
    function apply() {
      var rows = picker.querySelectorAll("li[data-sector]");
      rows.forEach(function (row) {
        var show = true;
        selects.forEach(function (select) {
          var key = select.getAttribute("data-filter");
          var wanted = select.value;
          var value = row.getAttribute("data-" + key) || "";
          // An area filter also keeps the villages below a township (codes extend their parent's).
          if (wanted && !(value === wanted || value.indexOf(wanted + "-") === 0)) show = false;
        });
        row.hidden = !show;
      });
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-picker]").forEach(setUp);
  });
})();
