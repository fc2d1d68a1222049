// Resume pages: drag-and-drop upload with progress, and live parsing progress.
// Both are enhancements: without JavaScript the form posts and the page reloads.
(function () {
  "use strict";

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  // --- Upload ---------------------------------------------------------------------
  var form = document.querySelector("form.dropzone");
  if (form) {
    var area = form.querySelector(".dropzone__area");
    var input = form.querySelector("input[type=file]");
    var status = form.querySelector(".dropzone__status");
    var button = form.querySelector("button[type=submit]");

    ["dragenter", "dragover"].forEach(function (name) {
      area.addEventListener(name, function (event) {
        event.preventDefault();
        area.classList.add("dropzone__area--over");
      });
    });
    ["dragleave", "drop"].forEach(function (name) {
      area.addEventListener(name, function () { area.classList.remove("dropzone__area--over"); });
    });
    area.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        form.requestSubmit();
      }
    });
    input.addEventListener("change", function () {
      status.textContent = input.files.length ? input.files[0].name : "";
    });

    form.addEventListener("submit", function (event) {
      if (!input.files.length || !window.FormData) { return; }
      event.preventDefault();
      var data = new FormData();
      data.append("resume", input.files[0]);
      var request = new XMLHttpRequest();
      request.open("POST", form.dataset.api);
      request.setRequestHeader("X-CSRFToken", csrfToken(form));
      request.setRequestHeader("Accept", "application/json");
      request.upload.onprogress = function (progress) {
        if (progress.lengthComputable) {
          status.textContent = form.dataset.busyLabel + " " + Math.round(100 * progress.loaded / progress.total) + "%";
        }
      };
      request.onload = function () {
        var body = {};
        try { body = JSON.parse(request.responseText); } catch (ignored) { /* not JSON */ }
        if (request.status === 200 || request.status === 201) {
          window.location.href = window.location.pathname.replace(/\/?$/, "/") + body.id + "/";
          return;
        }
        button.disabled = false;
        status.classList.add("error");
        status.textContent = (body.error && body.error.message) || form.dataset.errorLabel;
      };
      request.onerror = function () {
        button.disabled = false;
        status.classList.add("error");
        status.textContent = form.dataset.errorLabel;
      };
      button.disabled = true;
      status.classList.remove("error");
      status.textContent = form.dataset.busyLabel;
      request.send(data);
    });
  }

  // --- Parsing progress ---------------------------------------------------------------
  var progress = document.querySelector("[data-status-url]");
  if (progress && (progress.dataset.status === "pending" || progress.dataset.status === "processing")) {
    var polls = 0;
    var timer = window.setInterval(function () {
      polls += 1;
      if (polls > 600) { window.clearInterval(timer); return; }  // ten minutes: stop asking
      fetch(progress.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (body) {
          if (!body) { return; }
          body.steps.forEach(function (step) {
            var item = progress.querySelector('[data-step="' + step.step + '"]');
            if (item) {
              item.className = "step step--" + step.status;
              item.querySelector(".step__time").textContent = Math.round(step.duration_ms) + " ms";
            }
          });
          if (body.status === "completed" || body.status === "failed") {
            window.clearInterval(timer);
            window.location.reload();
          }
        })
        .catch(function () { /* a missed poll is retried on the next tick */ });
    }, 1000);
  }
})();
