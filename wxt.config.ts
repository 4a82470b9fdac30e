import { defineConfig } from 'wxt';
import react from '@vitejs/plugin-react';

// The e2e build differs from production only in granting the host permission at install:
// automated tests cannot click Chrome's permission prompt.
const e2e = process.env.ITA_E2E === '1';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDirTemplate: `{{browser}}-mv{{manifestVersion}}${e2e ? '-e2e' : ''}`,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [react()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'th',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel'])],
    optional_host_permissions: ['<all_urls>'],
    host_permissions: e2e ? ['<all_urls>'] : [],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'tag-page': {
        suggested_key: { default: 'Alt+Shift+E' },
        description: '__MSG_commandTagPage__',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'ita-evidence@example.org', strict_min_version: '128.0' } } }
      : {}),
  }),
});
