// External films (templates/blocks/embed_block.html): the provider's player is created only
// when the visitor presses "Play the film from …", never before. Focus moves to the player
// so a keyboard user can go on from there.
(function () {
  "use strict";

  function load(placeholder) {
    var url = placeholder.getAttribute("data-player-url");
    if (!url) {
      return;
    }
    var frame = document.createElement("iframe");
    frame.src = url;
    frame.title = placeholder.getAttribute("data-player-title") || "";
    frame.className = "click-to-load-player";
    frame.setAttribute("allow", "autoplay; fullscreen; picture-in-picture");
    frame.setAttribute("allowfullscreen", "");
    // The site sends no referrer to other hosts; the players need the origin to play.
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    placeholder.replaceWith(frame);
    frame.focus();
  }

  function start() {
    var placeholders = document.querySelectorAll(".click-to-load[data-player-url]");
    Array.prototype.forEach.call(placeholders, function (placeholder) {
      var button = placeholder.querySelector(".click-to-load-button");
      if (!button || button.dataset.ready) {
        return;
      }
      button.dataset.ready = "1";
      button.hidden = false;
      button.addEventListener("click", function () {
        load(placeholder);
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
