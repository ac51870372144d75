/* The phone header: the account links and the menu fold behind one button.
   Loaded in <head> so the page never flashes open; without JavaScript nothing folds. */
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", function () {
  var button = document.querySelector(".menu-button");
  var header = document.querySelector(".site-header");
  if (!button || !header) return;
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    header.classList.toggle("menu-open", open);
  });
});
