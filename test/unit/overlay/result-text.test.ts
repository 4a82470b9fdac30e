import { describe, expect, it } from 'vitest';
import { resultMessage } from '../../../entrypoints/overlay-form/result-text';
import { FORM_STRINGS } from '../../../lib/i18n/overlay-strings';

const PAGE = 'https://www.tuayang.go.th/contact.html';

describe('the status line after a Save the worker could not finish', () => {
  // What Chrome and Firefox say when the worker went away with the message in flight.
  const raw = [
    'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
    'The message port closed before a response was received.',
    'Could not establish connection. Receiving end does not exist.',
    'Extension context invalidated.',
  ];
  for (const lang of ['th', 'en'] as const)
    it(`says "please save again" in ${lang === 'th' ? 'Thai' : 'English'}, never the browser's words`, () => {
      for (const detail of raw) {
        const text = resultMessage({ ok: false, code: 'failed', detail }, lang, PAGE);
        expect(text).toBe(FORM_STRINGS[lang].restarted);
        expect(text).not.toContain(detail);
      }
    });

  it('other failures keep their own message', () => {
    expect(resultMessage({ ok: false, code: 'storage-full' }, 'en', PAGE)).not.toBe(FORM_STRINGS.en.restarted);
    expect(resultMessage({ ok: false, code: 'failed', detail: 'disk I/O' }, 'en', PAGE)).not.toBe(
      FORM_STRINGS.en.restarted,
    );
  });
});

describe('the status line when the tab is busy with another capture', () => {
  it('says so in the language of the form, never the internal word "busy"', () => {
    const en = resultMessage({ ok: false, code: 'failed', detail: 'busy' }, 'en', PAGE);
    const th = resultMessage({ ok: false, code: 'failed', detail: 'busy' }, 'th', PAGE);
    expect(en).toMatch(/^Another capture of this page is still running/);
    expect(th).toMatch(/^กำลังบันทึกหน้านี้อยู่อีกรายการหนึ่ง/);
    for (const text of [en, th]) expect(text).not.toMatch(/\bbusy\b/);
  });
});
