// The editor's page of a document, and each file of a multiple upload, while the task
// worker reads the text of the file (templates/library/admin/text_status.html): asks every
// two seconds, then shows the result (in the note and the page's facts), or the warning
// when the text could not be read. The note is a live region. Loaded on every admin page
// (library/wagtail_hooks.py).
const watch = (note) => {
  if (note.dataset.textStatusWatched) return;
  note.dataset.textStatusWatched = "yes";
  const text = note.querySelector("[data-text-status]");
  const ask = async () => {
    try {
      const response = await fetch(note.dataset.textStatusUrl, { credentials: "same-origin" });
      const answer = await response.json();
      if (answer.pending) {
        setTimeout(ask, 2000);
        return;
      }
      text.textContent = answer.warning || answer.status;
      document.querySelectorAll("[data-text-status-label]").forEach((label) => {
        label.textContent = answer.status;
      });
      if (answer.warning) note.classList.replace("help-info", "help-warning");
    } catch {
      setTimeout(ask, 5000);
    }
  };
  setTimeout(ask, 2000);
};
const watchAll = () => document.querySelectorAll("[data-text-status-url]").forEach(watch);
// The multiple upload adds each file's form to the page after its upload.
new MutationObserver(watchAll).observe(document.body, { childList: true, subtree: true });
watchAll();
