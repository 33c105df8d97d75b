/* The judgement form (only served with --allow-writes): posts JSON to /api/judgements,
   with the login's CSRF token on a team server. */
(function () {
  "use strict";
  var form = document.querySelector("form.judge");
  if (!form) { return; }
  var result = form.querySelector(".result");
  var action = "same";
  form.querySelectorAll("button[name=action]").forEach(function (b) {
    b.addEventListener("click", function () { action = b.value; });
  });
  form.addEventListener("submit", function (evt) {
    evt.preventDefault();
    var body = { action: action, a: form.dataset.entity, b: form.elements.other.value,
                 reason: form.elements.reason.value || null };
    result.textContent = "Recording and re-resolving…";
    fetch("/api/judgements", { method: "POST", body: JSON.stringify(body),
                               headers: { "Content-Type": "application/json",
                                          "X-CSRF-Token": form.dataset.csrf || "" } })
      .then(function (r) { return r.json().then(function (j) { return [r, j]; }); })
      .then(function (rj) {
        var r = rj[0], j = rj[1];
        if (!r.ok) {
          result.textContent = "Refused: " + (j.message || j.detail);
          return;
        }
        result.textContent = "Judgement " + j.id + " recorded; " + j.entities + " entities.";
        window.location.href = "/search?q=" + encodeURIComponent(j.a.name);
      })
      .catch(function (err) { result.textContent = "Failed: " + err.message; });
  });
}());
