// Building the renderer: React from renderer/ into dist/renderer/, with relative asset paths
// (base './') so the same files load from the loopback server and from Electron's app://
// protocol. The built index.html gets the app's CSP as a meta tag, taken from the one
// definition the servers also send as a header. No Electron or server code is built here.

import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { rendererInputsFile, rendererOutDir, rendererSourceDir, repoRoot } from './build/paths.ts';
import { CONTENT_SECURITY_POLICY_META } from './db/server/static-files.ts';

/** Puts the app's CSP into the built index.html, replacing any CSP meta tag written by hand. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'sftz-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => ({
        html: html.replace(/<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>\s*/gi, ''),
        tags: [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META },
            injectTo: 'head-prepend',
          },
        ],
      }),
    },
  };
}

/** Records the project files (not node_modules) that went into the bundle, for build/renderer-build.ts. */
function recordInputs(): Plugin {
  return {
    name: 'sftz-record-inputs',
    apply: 'build',
    generateBundle() {
      const inputs = [...this.getModuleIds()]
        .filter((id) => path.isAbsolute(id) && !id.includes(`${path.sep}node_modules${path.sep}`))
        .map((id) => path.relative(repoRoot, id.split('?', 1)[0]!));
      fs.mkdirSync(path.dirname(rendererInputsFile), { recursive: true });
      fs.writeFileSync(rendererInputsFile, `${JSON.stringify([...new Set(inputs)].sort(), null, 1)}\n`);
    },
  };
}

export default defineConfig({
  root: rendererSourceDir,
  base: './',
  plugins: [react(), contentSecurityPolicyMeta(), recordInputs()],
  build: {
    outDir: rendererOutDir,
    emptyOutDir: true,
  },
});
