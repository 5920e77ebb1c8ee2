// The sample host page opens the widget from its own button, as intranet pages may.
document.getElementById('open-help').addEventListener('click', function () {
  if (window.PasteFixWidget) window.PasteFixWidget.open();
});
