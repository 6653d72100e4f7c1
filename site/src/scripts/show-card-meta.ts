/** Sets the page's title and description meta for a card rendered in the browser, as the build sets them on static pages. */
export function showCardMeta(title: string, description: string): void {
  document.title = title;
  document.querySelector('meta[name="description"]')?.setAttribute("content", description);
}
