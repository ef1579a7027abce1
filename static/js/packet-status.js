// Keeps a packet's status current without a reload: polls the JSON status endpoint every 2 s
// while the papers are being made, then swaps in the server-rendered status and review regions.
// Without JavaScript the page offers a "Check again" link instead.
(function () {
  "use strict";
  var region = document.getElementById("packet-status");
  if (!region || region.getAttribute("data-done") === "true" || !window.fetch) {
    return;
  }
  var url = region.getAttribute("data-status-url");
  var review = document.getElementById("packet-review-actions");
  var intervalMs = 2000;
  var maxPolls = 450; // 15 minutes: past any render timeout, the page then says "failed"
  var polls = 0;

  function poll() {
    polls += 1;
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        if (data.done) {
          region.innerHTML = data.html;
          region.setAttribute("data-done", "true");
          if (review && data.review_html) {
            review.innerHTML = data.review_html;
          }
          return;
        }
        // Only touch the live region when something changed, so screen readers are not
        // told the same status every two seconds.
        if (region.getAttribute("data-status") !== data.status) {
          region.innerHTML = data.html;
          region.setAttribute("data-status", data.status);
        }
        if (polls < maxPolls) {
          window.setTimeout(poll, intervalMs);
        }
      })
      .catch(function () {
        if (polls < maxPolls) {
          window.setTimeout(poll, intervalMs * 2);
        }
      });
  }
  window.setTimeout(poll, intervalMs);
})();
