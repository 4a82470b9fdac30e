/** Saves a Blob through an `<a download>` click, which is what a browser (and Playwright) sees as a download. */
export function downloadBlob(
  blob: Blob,
  fileName: string,
  doc: Document = document,
  urls: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'> = URL,
): void {
  const url = urls.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoking at once can cancel the download in some browsers; give it time to start.
    setTimeout(() => urls.revokeObjectURL(url), 60_000);
  }
}
