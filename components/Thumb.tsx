import { useEffect, useRef, useState } from 'react';
import { getDb } from './db';

/** Loads an artifact's bytes only when the thumbnail scrolls into view, and frees them after. */
export function useBlobUrl(blobId: string | undefined, mime: string, visible = true): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blobId || !visible) return;
    let revoked = false;
    let made: string | null = null;
    void getDb().blobs.get(blobId).then((row) => {
      if (!row || revoked) return;
      made = URL.createObjectURL(new Blob([row.data as BlobPart], { type: mime }));
      setUrl(made);
    });
    return () => {
      revoked = true;
      if (made) URL.revokeObjectURL(made);
      setUrl(null);
    };
  }, [blobId, mime, visible]);
  return url;
}

export function Thumb({ blobId, label, onOpen }: { blobId: string | undefined; label: string; onOpen(): void }) {
  const ref = useRef<HTMLButtonElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setVisible(true);
        io.disconnect();
      }
    });
    io.observe(el);
    return () => io.disconnect();
  }, []);
  const url = useBlobUrl(blobId, 'image/png', visible);
  return (
    <button ref={ref} type="button" className="thumb" aria-label={label} onClick={onOpen}>
      {url ? <img src={url} alt="" /> : null}
    </button>
  );
}
