/**
 * Vite build of the role dashboards: React with the automatic JSX runtime and Tailwind CSS 4.
 * The router's address is not baked in: the app reads `/config.json` at start-up.
 */
import { defineConfig, type PluginOption } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

export default defineConfig({
  root: import.meta.dirname,
  // The plugins are hoisted next to vitest's newer Vite and typed against it; at run time they
  // work with this Vite 7, so only the types are bridged.
  plugins: [react(), tailwindcss()] as unknown as PluginOption[],
  build: { outDir: 'dist', emptyOutDir: true },
});
