import { test as setup, expect } from "@playwright/test";
import { demoAccountEmail } from "@/lib/demo/demo-account-email";
import { E2E_DEMO_PASSWORD } from "./demo-password";

// Every spec reads the demo as `npm start` leaves it once settled: its replays
// complete and the demo stakeholder's sign-offs written (scripts/start.ts does
// both in the background after the server answers). On a loaded machine that
// takes minutes; a page opened earlier shows "no result" and never changes.
setup("the demo's replays and sign-offs are complete", async ({ request, baseURL }) => {
  setup.setTimeout(15 * 60_000);
  const signIn = await request.post("/api/auth/sign-in/email", {
    data: { email: demoAccountEmail("admin"), password: E2E_DEMO_PASSWORD },
    headers: { origin: baseURL! },
  });
  expect(signIn.ok(), await signIn.text()).toBe(true);
  const get = async <T>(path: string): Promise<T> => {
    const response = await request.get(path);
    expect(response.ok(), `${path}: ${response.status()}`).toBe(true);
    return (await response.json()) as T;
  };
  const { items: projects } = await get<{ items: { id: string; slug: string }[] }>("/api/v1/projects");
  const demo = projects.find((p) => p.slug === "review-sentiment");
  expect(demo, "the demo project").toBeDefined();
  const { items: problems } = await get<{ items: { id: string }[] }>(`/api/v1/projects/${demo!.id}/problems?limit=100`);

  const signoffCount = async () => {
    let total = 0;
    for (const problem of problems) total += (await get<{ items: unknown[] }>(`/api/v1/problems/${problem.id}/signoffs`)).items.length;
    return total;
  };
  // Settled: nothing queued or running, sign-offs written, and the count unchanged across two polls.
  let previous = -1;
  await expect
    .poll(
      async () => {
        const { items: active } = await get<{ items: unknown[] }>(`/api/v1/projects/${demo!.id}/replays`);
        const count = active.length === 0 ? await signoffCount() : -1;
        const settled = count > 0 && count === previous;
        previous = count;
        return settled;
      },
      { timeout: 14 * 60_000, intervals: [2_000] },
    )
    .toBe(true);
});
