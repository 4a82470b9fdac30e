import { defineConfig } from 'wxt';
import react from '@vitejs/plugin-react';
import { formFrameResources } from './lib/platform/manifest';

// The e2e build differs from production only in granting the host permission at install:
// automated tests cannot click Chrome's permission prompt.
const e2e = process.env.ITA_E2E === '1';

// Firefox: the add-on id is permanent (AMO, and where Firefox keeps the add-on's data: never change it).
// 140 is the first release that knows data_collection_permissions, and the bundle uses iterator
// helpers (131+). Nothing is collected or sent: docs/release.md.
const GECKO = {
  id: '{0807b5b9-4eca-4933-a2dd-9d8c2856c4ae}',
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['none'] },
};

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDirTemplate: `{{browser}}-mv{{manifestVersion}}${e2e ? '-e2e' : ''}`,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [react()] }),
  // The sources zip (for AMO's reviewers, who rebuild the add-on) leaves out the CLI's build output.
  zip: { excludeSources: ['dist/**'] },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'th',
    permissions: [
      'storage',
      'unlimitedStorage',
      'activeTab',
      'scripting',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    optional_host_permissions: ['<all_urls>'],
    host_permissions: e2e ? ['<all_urls>'] : [],
    web_accessible_resources: formFrameResources(browser),
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'tag-page': {
        suggested_key: { default: 'Alt+Shift+E' },
        description: '__MSG_commandTagPage__',
      },
    },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: GECKO } } : {}),
  }),
});
