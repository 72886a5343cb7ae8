// `npm run build`: the production build `npm start` serves (Next's output and the bundled server entry),
// only when sources changed. Container images run it at build time so `npm start` starts at once.
import { buildIfStale } from "./build";

const result = buildIfStale((line) => console.log(`[mockroom] ${line}`));
console.log(`[mockroom] ${result.built ? `built in ${(result.ms / 1000).toFixed(1)} s` : "build is current"}`);
