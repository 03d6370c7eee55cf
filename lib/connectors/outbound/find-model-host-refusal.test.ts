import { describe, expect, it } from "vitest";
import { findAddressRefusal, findUrlRefusal, isAppDemoUrl } from "./find-model-host-refusal";
import { parseModelHostPolicy } from "./parse-model-host-policy";

// Literal addresses only: nothing here resolves a name or opens a socket.

const context = { databaseUrl: "postgresql://postgres@127.0.0.1:5432/ratchet", appOrigins: ["http://127.0.0.1:3000", "https://ratchet.example.com"] };
const defaults = parseModelHostPolicy("default", context);
const publicOnly = parseModelHostPolicy("public", context);
const list = parseModelHostPolicy("models.internal, 10.20.0.0/16, 127.0.0.1, fd12::/16", context);

describe("default mode", () => {
  it.each([
    "http://127.0.0.1:8080/v2",
    "http://localhost:8080/",
    "http://10.1.2.3/",
    "http://192.168.1.10:8501/",
    "http://172.16.0.5/",
    "http://[::1]:9000/",
    "http://[fd12:3456::1]/",
    "https://models.example.com/v1",
    "http://8.8.8.8/",
  ])("allows %s", (url) => {
    expect(findUrlRefusal(url, defaults)).toBeNull();
  });

  it.each([
    ["http://169.254.169.254/latest/meta-data/", /169\.254\.169\.254 is a cloud metadata endpoint/],
    ["http://169.254.1.1/", /link-local/],
    ["http://[fe80::1]/", /link-local/],
    ["http://[fd00:ec2::254]/", /metadata/],
    ["http://metadata.google.internal/computeMetadata/v1/", /metadata/],
    ["http://[::ffff:169.254.169.254]/", /169\.254\.169\.254 is a cloud metadata endpoint/],
    ["http://127.0.0.1:5432/", /app's own database/],
    ["http://localhost:5432/", /app's own database/],
    ["http://2130706433:5432/", /127\.0\.0\.1 port 5432 is the app's own database/],
    ["http://127.1:5432/", /127\.0\.0\.1 port 5432/],
    ["http://0x7f.1:5432/", /127\.0\.0\.1 port 5432/],
    ["http://0.0.0.0:5432/", /port 5432 is the app's own database/],
    ["http://[::ffff:127.0.0.1]:5432/", /127\.0\.0\.1 port 5432/],
    ["http://[::]:5432/", /port 5432/],
    ["http://224.0.0.1/", /multicast/],
    ["http://255.255.255.255/", /broadcast/],
    ["http://user:pw@127.0.0.1:8080/", /credentials in the URL/],
    ["http://token@10.0.0.1/", /credentials in the URL/],
    ["file:///etc/passwd", /only http and https/],
  ])("refuses %s", (url, reason) => {
    expect(findUrlRefusal(url, defaults)).toMatch(reason);
  });
});

describe("public mode", () => {
  it("allows public addresses only", () => {
    expect(findUrlRefusal("http://8.8.8.8/", publicOnly)).toBeNull();
    expect(findUrlRefusal("http://[2001:4860:4860::8888]/", publicOnly)).toBeNull();
    expect(findUrlRefusal("https://models.example.com/", publicOnly)).toBeNull();
  });

  it.each([
    ["http://127.0.0.1:8080/", /127\.0\.0\.1 is not a public address \(loopback\)/],
    ["http://2130706433/", /127\.0\.0\.1 is not a public address/],
    ["http://127.1/", /127\.0\.0\.1 is not a public address/],
    ["http://0x7f.0.0.1/", /127\.0\.0\.1 is not a public address/],
    ["http://0.0.0.0/", /127\.0\.0\.1 is not a public address/],
    ["http://[::ffff:127.0.0.1]/", /127\.0\.0\.1 is not a public address/],
    ["http://[::ffff:10.0.0.1]/", /10\.0\.0\.1 is not a public address \(private\)/],
    ["http://[::1]/", /not a public address/],
    ["http://localhost:8080/", /loopback/],
    ["http://api.localhost/", /loopback/],
    ["http://10.0.0.1/", /private/],
    ["http://100.64.0.1/", /carrierGradeNat/],
    ["http://[fd12::1]/", /uniqueLocal/],
    ["http://[64:ff9b::7f00:1]/", /not a public address/],
    ["http://169.254.169.254/", /metadata/],
  ])("refuses %s", (url, reason) => {
    expect(findUrlRefusal(url, publicOnly)).toMatch(reason);
  });

  it("keeps the app's own demo route callable, and only that route", () => {
    expect(findUrlRefusal("http://127.0.0.1:3000/api/demo/models/sentiment-v1", publicOnly)).toBeNull();
    expect(isAppDemoUrl(new URL("https://ratchet.example.com/api/demo/models/x"), publicOnly)).toBe(true);
    expect(findUrlRefusal("http://127.0.0.1:3000/api/v1/projects", publicOnly)).toMatch(/not a public address/);
    expect(findUrlRefusal("http://127.0.0.1:3001/api/demo/models/x", publicOnly)).toMatch(/not a public address/);
    expect(findUrlRefusal("http://u:p@127.0.0.1:3000/api/demo/models/x", publicOnly)).toMatch(/credentials/);
  });
});

describe("list mode", () => {
  it("allows listed CIDRs and addresses, refuses the rest", () => {
    expect(findAddressRefusal("10.20.3.4", 80, list)).toBeNull();
    expect(findAddressRefusal("::ffff:10.20.3.4", 80, list)).toBeNull();
    expect(findAddressRefusal("127.0.0.1", 8080, list)).toBeNull();
    expect(findAddressRefusal("fd12::5", 80, list)).toBeNull();
    expect(findAddressRefusal("10.21.0.1", 80, list)).toMatch(/not on the list/);
    expect(findAddressRefusal("127.0.0.2", 80, list)).toMatch(/not on the list/);
    expect(findAddressRefusal("8.8.8.8", 80, list)).toMatch(/not on the list/);
    expect(findAddressRefusal("127.0.0.1", 5432, list)).toMatch(/app's own database/);
  });

  it("a listed host name allows its addresses, never metadata or link-local ones", () => {
    expect(findAddressRefusal("10.99.0.1", 80, list, { listedByName: true })).toBeNull();
    expect(findAddressRefusal("169.254.169.254", 80, list, { listedByName: true })).toMatch(/metadata/);
    expect(findAddressRefusal("fe80::1", 80, list, { listedByName: true })).toMatch(/link-local/);
  });

  it("refuses entries that are neither hosts, addresses nor CIDRs", () => {
    expect(() => parseModelHostPolicy("10.0.0.0/99")).toThrow(/not a CIDR/);
    expect(() => parseModelHostPolicy("models.internal, http://x")).toThrow(/"http:\/\/x"/);
  });
});

it("refuses the database on a remote host by its address and port only", () => {
  const remote = parseModelHostPolicy("default", { databaseUrl: "postgresql://u@10.0.0.9:6543/db" });
  expect(findAddressRefusal("10.0.0.9", 6543, remote)).toMatch(/app's own database/);
  expect(findAddressRefusal("10.0.0.9", 8080, remote)).toBeNull();
  expect(findAddressRefusal("127.0.0.1", 6543, remote)).toBeNull();
});
