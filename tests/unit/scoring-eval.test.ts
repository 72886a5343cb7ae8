// The scorer against the evaluation set (docs/scoring.md). The targets: recall of "covered" >= 0.90 on
// points a person judged covered, and false "covered" <= 0.10 on points a person judged missed. It prints the
// figures (per topic, per half) and fails below either target.
import { describe, expect, it } from "vitest";
import { readContent } from "@/seed/content";
import { evaluate, falseCovered, matrix, recall, STYLES, table } from "../support/scoring-eval";

const content = readContent();
const cases = evaluate(content);

describe("key-point scoring against the evaluation set", () => {
  it("is large and varied: at least 400 cases, every topic, every style", () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    expect(new Set(cases.map((c) => c.topic))).toEqual(new Set(content.topics.map((t) => t.slug)));
    expect(new Set(cases.map((c) => c.style))).toEqual(new Set(STYLES));
    expect(cases.filter((c) => c.expected).length).toBeGreaterThanOrEqual(150);
    expect(cases.filter((c) => !c.expected).length).toBeGreaterThanOrEqual(150);
  });

  it("recognises correct answers (recall >= 0.90) and rarely credits wrong ones (false 'covered' <= 0.10)", () => {
    console.log(`\n${table(cases)}\n`);
    for (const split of ["dev", "holdout"] as const) {
      const m = matrix(cases.filter((c) => c.split === split));
      console.log(
        `${split}: recall ${recall(m).toFixed(3)}, false covered ${falseCovered(m).toFixed(3)} (${JSON.stringify(m)})`,
      );
    }
    const wrongStyles = matrix(cases.filter((c) => c.style === "wrong" || c.style === "off-topic"));
    console.log(
      `wrong and off-topic answers: false covered ${falseCovered(wrongStyles).toFixed(3)} (${JSON.stringify(wrongStyles)})`,
    );
    const all = matrix(cases);
    console.log(
      `all: recall ${recall(all).toFixed(3)} (target >= 0.90), false covered ${falseCovered(all).toFixed(3)} (target <= 0.10)`,
    );
    expect(recall(all)).toBeGreaterThanOrEqual(0.9);
    expect(falseCovered(all)).toBeLessThanOrEqual(0.1);
  });
});
