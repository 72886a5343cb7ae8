import { describe, expect, it } from "vitest";
import { loosened } from "@/lib/search/rank";

describe("loosened tsqueries", () => {
  it("turns every phrase operator into an AND of the same words, whatever its distance", () => {
    expect(loosened("('valu' <-> 'list')")).toBe("('valu' & 'list')");
    expect(loosened("('select' <-> 'relat') | ('selectrel') & ('csrf' <2> 'token' <-> 'fail')")).toBe(
      "('select' & 'relat') | ('selectrel') & ('csrf' & 'token' & 'fail')",
    );
  });

  it("leaves a query without phrases (words, prefixes, AND, OR, NOT) as it is", () => {
    for (const query of ["('csrf')", "('n+1') & ('orm')", "('middlewar':*)", "'a' | 'b' & !'c'"])
      expect(loosened(query)).toBe(query);
  });
});
