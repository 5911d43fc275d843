// `npm start`: runs the built bot, compiling first only when a source changed since the last build.
import { buildIfStale } from "./build.mjs";

buildIfStale();
await import("../dist/src/main.js");
