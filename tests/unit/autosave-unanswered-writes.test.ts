import { describe, expect, it } from "vitest";
import { UnansweredWrites } from "@/components/autosave/unanswered-writes";

describe("UnansweredWrites", () => {
  it("claims a stored version written one revision after an unanswered save of the same text", () => {
    const writes = new UnansweredWrites();
    writes.record(3, "first draft");
    writes.record(3, "first draft, longer");
    expect(writes.isOwn({ content: "first draft", revision: 4 })).toBe(true);
    expect(writes.isOwn({ content: "first draft, longer", revision: 4 })).toBe(true);
  });

  it("does not claim text it never sent, or the right text at another revision", () => {
    const writes = new UnansweredWrites();
    writes.record(3, "mine");
    expect(writes.isOwn({ content: "another tab's", revision: 4 })).toBe(false);
    expect(writes.isOwn({ content: "mine", revision: 5 })).toBe(false);
    expect(writes.isOwn({ content: "mine", revision: 3 })).toBe(false);
  });

  it("forgets texts based on an older revision, and everything once cleared", () => {
    const writes = new UnansweredWrites();
    writes.record(1, "old");
    writes.record(2, "new");
    expect(writes.isOwn({ content: "old", revision: 2 })).toBe(false);
    expect(writes.isOwn({ content: "new", revision: 3 })).toBe(true);
    writes.clear();
    expect(writes.isOwn({ content: "new", revision: 3 })).toBe(false);
    expect(new UnansweredWrites().isOwn({ content: "", revision: 1 })).toBe(false);
  });
});
