/* A channel's actor links (only served with --allow-writes): Confirm / Reject post JSON to
   /api/campaign/channels/ID/links, with the login's CSRF token on a team server. */
(function () {
  "use strict";
  document.querySelectorAll("form.judge-link").forEach(function (form) {
    var result = form.querySelector(".result");
    var action = "confirm";
    form.querySelectorAll("button[name=action]").forEach(function (b) {
      b.addEventListener("click", function () { action = b.value; });
    });
    form.addEventListener("submit", function (evt) {
      evt.preventDefault();
      var body = { action: action, actor: form.dataset.actor,
                   reason: form.elements.reason.value || null };
      result.textContent = "Recording…";
      fetch("/api/campaign/channels/" + encodeURIComponent(form.dataset.channel) + "/links",
            { method: "POST", body: JSON.stringify(body),
              headers: { "Content-Type": "application/json",
                         "X-CSRF-Token": form.dataset.csrf || "" } })
        .then(function (r) { return r.json().then(function (j) { return [r, j]; }); })
        .then(function (rj) {
          if (!rj[0].ok) { result.textContent = "Refused: " + (rj[1].message || rj[1].detail); return; }
          window.location.reload();
        })
        .catch(function (err) { result.textContent = "Failed: " + err.message; });
    });
  });
}());
