import { describe, expect, it } from "vitest";
import { formatAge } from "./format-age";

const now = new Date("2026-11-25T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 24 * 60 * 60 * 1000);

describe("formatAge", () => {
  it("uses the largest whole unit", () => {
    expect(formatAge(daysAgo(0), now)).toBe("today");
    expect(formatAge(daysAgo(1), now)).toBe("1 day");
    expect(formatAge(daysAgo(13), now)).toBe("13 days");
    expect(formatAge(daysAgo(21), now)).toBe("3 weeks");
    expect(formatAge(new Date("2026-03-20T12:00:00Z"), now)).toBe("8 months");
    expect(formatAge(daysAgo(365 * 3), now)).toBe("2 years");
  });

  it("says so when the date is ahead of now", () => {
    expect(formatAge(daysAgo(-2), now)).toBe("in the future");
  });
});
