/**
 * The address of the task pane page beside the add-in's entry page, for
 * `Application.CreateTaskPane(url)`. WPS loads an offline add-in from a file: URL that
 * the page sees percent-encoded (`C:/Users/%E5%BC%A0%E4%B8%89/…` for a profile named
 * 张三), and CreateTaskPane does not find the page under that spelling; the official
 * wpsjs templates decode it first (`GetUrlPath`: `decodeURI(document.location)` up to
 * the last `/`). A location that does not decode is used as it is.
 */
export function taskpaneUrl(pageLocation: string, page = 'taskpane.html'): string {
  const href = new URL(page, pageLocation).href;
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}
