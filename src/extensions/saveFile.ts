/** Saves a downloaded file in the browser: a temporary object URL clicked through a hidden anchor. */
export function saveFile(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  doc.body.appendChild(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    // Revoke after the click has started the download.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
