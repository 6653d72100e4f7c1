/** Buttons marked `data-copy` copy the text of the `<pre>` beside them to the clipboard. */
export function enableCopyButtons(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    button.addEventListener("click", async () => {
      const text = button.parentElement?.querySelector("pre")?.textContent ?? "";
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = "Copied";
      } catch {
        // no clipboard permission (plain http, old browser): select the text for a manual copy
        const pre = button.parentElement?.querySelector("pre");
        if (pre) window.getSelection()?.selectAllChildren(pre);
        button.textContent = "Press Ctrl+C";
      }
      setTimeout(() => (button.textContent = "Copy"), 2000);
    });
  }
}
