import { describe, expect, it } from "vitest";
import { parseProblemListParams, problemListQuerySchema, problemListSearch, splitList } from "./problem-list-query";

describe("problemListQuerySchema (API, strict)", () => {
  it("defaults to key order, first page", () => {
    expect(problemListQuerySchema.parse({})).toEqual({ q: "", severities: [], statuses: [], ownerIds: [], sort: "key", order: "asc", cursor: null, limit: 50 });
  });

  it("parses comma lists, sort, order and limit", () => {
    const query = problemListQuerySchema.parse({ q: " sarc ", severity: "high, critical,high", status: "open", sort: "patternCount", order: "desc", limit: "10" });
    expect(query).toMatchObject({ q: "sarc", severities: ["high", "critical"], statuses: ["open"], sort: "patternCount", order: "desc", limit: 10 });
  });

  it("names the parameter of an unknown value", () => {
    const bad = problemListQuerySchema.safeParse({ severity: "high,urgent", sort: "title", limit: "0" });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["severity.1", "sort", "limit"]));
  });
});

describe("parseProblemListParams (page URL, lenient)", () => {
  it("drops unknown values instead of failing", () => {
    expect(parseProblemListParams({ severity: ["high", "urgent,low"], status: "nope", sort: "title", order: "sideways", limit: "9999" })).toEqual({
      q: "",
      severities: ["high", "low"],
      statuses: [],
      ownerIds: [],
      sort: "key",
      order: "asc",
      cursor: null,
      limit: 50,
    });
  });

  it("round-trips through the URL it builds", () => {
    const query = parseProblemListParams({ q: "emoji", severity: "critical,high", status: "open", sort: "severity", order: "desc" });
    const search = problemListSearch(query);
    expect(search).toBe("?q=emoji&severity=critical%2Chigh&status=open&sort=severity&order=desc");
    expect(parseProblemListParams(Object.fromEntries(new URLSearchParams(search)))).toEqual(query);
    expect(problemListSearch(query, { sort: "key", order: "asc", q: "" })).toBe("?severity=critical%2Chigh&status=open");
  });
});

describe("splitList", () => {
  it("splits, trims and deduplicates repeated and comma-separated values", () => {
    expect(splitList(["a,b", " b ", "", "c,,"])).toEqual(["a", "b", "c"]);
    expect(splitList(undefined)).toEqual([]);
  });
});
