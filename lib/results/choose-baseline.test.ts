import { describe, expect, it } from "vitest";
import { chooseBaseline } from "./choose-baseline";

const v = (id: string, status = "candidate") => ({ id, status });

describe("chooseBaseline", () => {
  it("prefers the latest production version other than the candidate", () => {
    const versions = [v("a", "production"), v("b"), v("c", "production"), v("d")];
    expect(chooseBaseline(versions, "d")).toEqual({ modelVersion: versions[2], reason: "production" });
    expect(chooseBaseline(versions, "a")).toEqual({ modelVersion: versions[2], reason: "production" });
  });

  it("falls back to the version registered just before when no other is in production", () => {
    const versions = [v("a", "retired"), v("b", "production"), v("c")];
    expect(chooseBaseline(versions, "b")).toEqual({ modelVersion: versions[0], reason: "previous" });
    expect(chooseBaseline([v("a"), v("b"), v("c")], "c")).toEqual({ modelVersion: v("b"), reason: "previous" });
  });

  it("has no baseline for the first version alone or an unknown id", () => {
    expect(chooseBaseline([v("a"), v("b")], "a")).toBeNull();
    expect(chooseBaseline([v("a", "production")], "a")).toBeNull();
    expect(chooseBaseline([v("a")], "zzz")).toBeNull();
  });
});
