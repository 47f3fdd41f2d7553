// Worker threads start here: the TypeScript sources run through tsx, as in the main thread
// (bin/tassei.mjs), whatever loader the parent was started with.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
