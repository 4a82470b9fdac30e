// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob } from '../../../components/bundle/download';

afterEach(() => vi.useRealTimers());

describe('downloadBlob', () => {
  it('clicks an <a download> for an object URL, removes it, and revokes the URL later', () => {
    vi.useFakeTimers();
    const urls = { createObjectURL: vi.fn(() => 'blob:test/1'), revokeObjectURL: vi.fn() };
    const clicked: { href: string; download: string; inDoc: boolean }[] = [];
    const onClick = (e: Event) => {
      e.preventDefault();
      const a = e.target as HTMLAnchorElement;
      clicked.push({ href: a.getAttribute('href')!, download: a.download, inDoc: document.body.contains(a) });
    };
    document.addEventListener('click', onClick);
    const blob = new Blob(['PK'], { type: 'application/zip' });
    downloadBlob(blob, 'ita-evidence-2564.zip', document, urls);
    document.removeEventListener('click', onClick);

    expect(urls.createObjectURL).toHaveBeenCalledWith(blob);
    expect(clicked).toEqual([{ href: 'blob:test/1', download: 'ita-evidence-2564.zip', inDoc: true }]);
    expect(document.querySelectorAll('a').length).toBe(0);
    expect(urls.revokeObjectURL).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(urls.revokeObjectURL).toHaveBeenCalledWith('blob:test/1');
  });
});
