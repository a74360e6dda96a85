// Material's search overlay has role="dialog" but no name; screen readers announce it as
// "dialog". Give it one.
document.querySelectorAll(".md-search[role=dialog]").forEach((dialog) => {
  if (!dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
});
