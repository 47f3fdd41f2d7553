// Worker threads start here: the TypeScript sources run through tsx, as in the main thread
// (bin/tassei.mjs falls back to that), whatever loader the parent was started with. The
// production build (scripts/build-server.mjs) emits its own worker-boot.mjs in dist/server.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
