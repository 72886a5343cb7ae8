// An async context that no request has entered, for resources that outlive requests.
//
// Node 20's AsyncLocalStorage copies the current stores onto every async resource (socket, timer,
// promise) created while a request is served, and the resource keeps them as long as it lives. A database
// connection opened by a request's query, or a promise Prisma keeps from its first use, therefore kept that
// request alive for the life of the process: Next's request store and, for a page, React's whole render.
// A render reaches later ones too (the AbortError that ends it keeps the Immediate it was made in, and that
// Immediate the rest of its queue), so the chain grew with every page served: in the benchmark about 1,250
// renders were held and the live heap after the page routes was 146-170 MB instead of 80-85 MB
// (docs/performance.md, round six).
import { AsyncResource } from "node:async_hooks";

const KEY = Symbol.for("mockroom.outsideRequests");
const holder = globalThis as { [KEY]?: AsyncResource };

// Made when this module first loads, once per process (shared through globalThis by the server bundle and
// Next's). The HTTP server imports it before it accepts a request (Next may load the modules that use it
// while serving one), so the context it holds is empty.
holder[KEY] ??= new AsyncResource("mockroom.outside-requests");
export const outsideRequests: AsyncResource = holder[KEY];
