import { defineConfig } from 'vite';

// The dashboard is a static site: `npm run build` writes dist/, which any web server can serve.
export default defineConfig({
  base: './',
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  build: { target: 'es2022', chunkSizeWarningLimit: 2048 },
});
