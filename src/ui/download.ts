/** Offers text as a file download (an export, a backup), from the page itself. */
export function downloadText(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  // Attached while clicked: some browsers ignore clicks on a detached link.
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked a moment later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
