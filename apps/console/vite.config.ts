import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const BFF = process.env.C2_BFF_URL ?? 'http://127.0.0.1:8080';

/** Libraries big enough to deserve their own long-cached chunk. maplibre-gl is imported only by the lazy map route. */
function chunkFor(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (id.includes('/maplibre-gl/') || id.includes('/@maplibre/')) return 'maplibre';
  if (/\/node_modules\/@(deck\.gl|luma\.gl|loaders\.gl|math\.gl|probe\.gl)\//.test(id)) return 'deck';
  if (/\/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
  return undefined;
}

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: BFF, changeOrigin: false },
      '/socket.io': { target: BFF, ws: true, changeOrigin: false },
    },
  },
  preview: { port: 4173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // maplibre-gl alone is ~800 KB raw; it is lazy and cached, so only warn above that.
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      output: { manualChunks: chunkFor },
    },
  },
});
