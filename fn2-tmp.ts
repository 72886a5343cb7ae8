import { readContent } from "@/seed/content";
import { evaluate } from "@/tests/support/scoring-eval";
const cases = evaluate(readContent());
const fns = cases.filter((c) => c.split === "dev" && c.expected && !c.got.covered && c.topic!=="behavioral" && (c.style===process.argv[2]));
for (const c of fns) console.log(`--- [${c.topic}] ${c.question}\nPOINT: ${c.point}\nMISSING: ${c.got.missing.join(" | ")} WRONG: ${c.got.wrong.map(w=>w.concept+"<="+w.phrase).join(" | ")}\nANSWER: ${c.answer.replace(/\n/g," / ").slice(0,400)}`);
