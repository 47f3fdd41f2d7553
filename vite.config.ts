// The staff workspace (src/web) is a single-page app that vite builds into dist/web; the
// server serves it under /staff/ (src/server/staff-app.ts). `npm run dev:web` serves it with
// hot reload and passes /api to a running `tassei serve` on port 3000.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: "src/web",
  base: "/staff/",
  plugins: [react()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    // No inline scripts or styles: the content security policy forbids them.
    assetsInlineLimit: 0,
    // No source maps in the build: the server would hand out the app's source with them.
    sourcemap: false,
    // One bundle of ~560 kB (~170 kB gzipped): React plus zod, which the domain code the app
    // shares with the server (the format, the assessment) brings. Staff open it once a day.
    chunkSizeWarningLimit: 700,
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
