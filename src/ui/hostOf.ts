/** The host of a URL; the text itself if it is not one (a restored world is only type-checked). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
