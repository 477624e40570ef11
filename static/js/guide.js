// Guide: a "Print" button next to the printable links (progressive
// enhancement: without JavaScript the browser's own print command works).
(function () {
  "use strict";
  document.querySelectorAll(".guide__print-slot").forEach(function (slot) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary guide__print";
    button.textContent = slot.dataset.label || "Print";
    button.addEventListener("click", function () {
      window.print();
    });
    slot.appendChild(document.createTextNode(" "));
    slot.appendChild(button);
  });
})();
