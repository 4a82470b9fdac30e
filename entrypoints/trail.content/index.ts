import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchTrail } from './trail';

/**
 * The navigation trail on the agency's site, from document_start: a click on a menu link while a
 * slow page is still loading (before the overlay is injected after its load event) is kept too.
 * Registered by the background for the granted site only (entrypoints/background/site-overlay.ts).
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    watchTrail();
  },
});
