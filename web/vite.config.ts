import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev -w web`: the pages at http://localhost:5173, /api and /health sent to the API (`npm run start:dev`).
const api = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@client': fileURLToPath(new URL('../client/index.ts', import.meta.url)) } },
  server: { proxy: { '/api': api, '/health': api } },
  build: {
    // Vite's preload helper and polyfill are files too: nothing inline, for the API's Content-Security-Policy.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
