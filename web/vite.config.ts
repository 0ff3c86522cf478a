import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The dashboard is built into web/dist and served by `stepwise server` at `/`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
  },
  server: { proxy: { '/v1': 'http://127.0.0.1:4400', '/openapi.json': 'http://127.0.0.1:4400' } },
});
