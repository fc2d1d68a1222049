// Questions page: follows a queued (LLM) generation until its questions are ready.
// Without JavaScript the page says so and a reload shows the result.
(function () {
  "use strict";

  var panel = document.querySelector("[data-testid=generation-progress]");
  if (!panel) { return; }
  var bar = panel.querySelector("progress");
  var polls = 0;
  var timer = window.setInterval(function () {
    polls += 1;
    if (polls > 300) { window.clearInterval(timer); return; }  // five minutes: stop asking
    fetch(panel.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (!body) { return; }
        bar.value = body.generation.progress;
        if (body.generation.status === "completed" || body.generation.status === "failed") {
          window.clearInterval(timer);
          window.location.reload();
        }
      })
      .catch(function () { /* a missed poll is retried on the next tick */ });
  }, 1000);
})();
