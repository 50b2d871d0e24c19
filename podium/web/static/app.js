// podium serve: the little interactivity the pages need. No page depends on it to work: forms post
// and links navigate without it. Text from the server is only ever set with textContent.
(function () {
  "use strict";

  // The analyse form: show that the upload is under way and keep it from being sent twice.
  var form = document.getElementById("analyze-form");
  if (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type=submit]");
      var busy = document.getElementById("submit-busy");
      if (button) button.disabled = true;
      if (busy) busy.hidden = false;
    });
  }

  // A job's page: follow the job until it is stored, then open the document.
  var job = document.getElementById("job");
  if (job) {
    var url = job.getAttribute("data-status-url");
    var bar = document.getElementById("job-progress");
    var stage = document.getElementById("job-stage");
    var detail = document.getElementById("job-detail");
    var failure = document.getElementById("job-error");
    var poll = function () {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (status) {
          if (status.status === "done" && status.document_id) {
            bar.value = 1;
            stage.textContent = "stored";
            window.location.assign("/documents/" + Number(status.document_id));
            return;
          }
          if (status.status === "failed" || status.error) {
            bar.hidden = true;
            stage.textContent = "failed";
            failure.textContent = status.error ? status.error.message : "The analysis failed.";
            failure.hidden = false;
            return;
          }
          bar.value = status.progress || 0;
          var text = status.stage;
          if (status.queue_position) text += " (number " + status.queue_position + " in the queue)";
          stage.textContent = text;
          var parts = [];
          if (status.words) parts.push(status.words + " words");
          parts.push(Math.round(status.elapsed) + " s");
          if (status.estimated_seconds) parts.push("about " + Math.round(status.estimated_seconds) + " s in all");
          detail.textContent = parts.join(" · ");
          window.setTimeout(poll, 700);
        })
        .catch(function () { window.setTimeout(poll, 2000); });
    };
    poll();
  }

  // The document page opened at a sentence (a search hit): bring it into view and let it flash.
  if (window.location.hash && /^#s\d+$/.test(window.location.hash)) {
    var target = document.getElementById(window.location.hash.slice(1));
    if (target) {
      target.scrollIntoView({ block: "center" });
      target.classList.add("flash");
    }
  }
})();
