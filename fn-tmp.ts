import { readContent } from "@/seed/content";
import { evaluate } from "@/tests/support/scoring-eval";
const cases = evaluate(readContent());
const fns = cases.filter((c) => c.split === "dev" && c.expected && !c.got.covered);
const by: Record<string, number> = {}; for (const c of cases.filter(c=>c.expected && !c.got.covered)) by[c.style+"/"+(c.got.wrong.length?"dq":"miss")] = (by[c.style+"/"+(c.got.wrong.length?"dq":"miss")]??0)+1;
console.log(JSON.stringify(by));
for (const c of fns.filter(c=>c.topic===process.argv[2])) console.log(`--- [${c.style}] ${c.question}\nPOINT: ${c.point}\nMISSING: ${c.got.missing.join(" | ")} WRONG: ${c.got.wrong.map(w=>w.concept+"<="+w.phrase).join(" | ")}\nANSWER: ${c.answer.replace(/\n/g," / ").slice(0,500)}`);
