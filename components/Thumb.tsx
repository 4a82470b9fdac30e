import { useEffect, useRef, useState } from 'react';
import { useUi } from './i18n';
import { getDb } from './db';

export interface BlobImage {
  url: string | null;
  /** The bytes could not be read (missing row or database error). */
  failed: boolean;
}

/** Loads an artifact's bytes only when the thumbnail scrolls into view, and frees them after. */
export function useBlobImage(blobId: string | undefined, mime: string, visible = true): BlobImage {
  const [state, setState] = useState<BlobImage>({ url: null, failed: false });
  useEffect(() => {
    if (!blobId || !visible) return;
    let revoked = false;
    let made: string | null = null;
    getDb()
      .blobs.get(blobId)
      .then(
        (row) => {
          if (revoked) return;
          if (!row) {
            setState({ url: null, failed: true });
            return;
          }
          made = URL.createObjectURL(new Blob([row.data as BlobPart], { type: mime }));
          setState({ url: made, failed: false });
        },
        () => {
          if (!revoked) setState({ url: null, failed: true });
        },
      );
    return () => {
      revoked = true;
      if (made) URL.revokeObjectURL(made);
      setState({ url: null, failed: false });
    };
  }, [blobId, mime, visible]);
  return state;
}

/** The broken-image placeholder: a visible label, not just an empty box. */
export function BrokenImage({ text }: { text: string }) {
  return (
    <span className="broken-image">
      <span aria-hidden="true">⚠</span> {text}
    </span>
  );
}

export function Thumb({
  blobId,
  label,
  onOpen,
}: {
  blobId: string | undefined;
  label: string;
  onOpen(opener: HTMLElement): void;
}) {
  const { t } = useUi();
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
  const { url, failed } = useBlobImage(blobId, 'image/png', visible);
  return (
    <button
      ref={ref}
      type="button"
      className="thumb"
      aria-label={failed ? `${label} (${t('imageFailed')})` : label}
      onClick={(e) => onOpen(e.currentTarget)}
    >
      {url ? <img src={url} alt="" /> : failed ? <BrokenImage text={t('imageFailed')} /> : null}
    </button>
  );
}
