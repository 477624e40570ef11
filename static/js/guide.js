// Guide: a "Print" button next to the printable links (progressive
// enhancement: without JavaScript the browser's own print command works).
(function () {
  "use strict";
  var slots = document.querySelectorAll(".guide__print-slot");
  var label = document.documentElement.lang === "fr" ? "Imprimer" : "Print";
  var labels = { fr: "Imprimer", it: "Stampa", pt: "Imprimir", hr: "Ispis", en: "Print" };
  label = labels[document.documentElement.lang] || label;
  slots.forEach(function (slot) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary guide__print";
    button.textContent = label;
    button.addEventListener("click", function () { window.print(); });
    slot.appendChild(document.createTextNode(" "));
    slot.appendChild(button);
  });
})();
