// "Copy" buttons: <button data-copy="ID" data-copied="Copied" hidden> copies the value of the
// field ID to the clipboard. Without JavaScript the button stays hidden and the field (read
// only) is selected and copied by hand.
document.querySelectorAll("button[data-copy]").forEach((button) => {
  const field = document.getElementById(button.dataset.copy);
  if (!field || !navigator.clipboard) return;
  const label = button.textContent;
  button.hidden = false;
  button.addEventListener("click", async () => {
    field.select();
    await navigator.clipboard.writeText(field.value);
    button.textContent = button.dataset.copied || label;
    setTimeout(() => { button.textContent = label; }, 2000);
  });
});
