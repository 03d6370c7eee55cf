/** The demo accounts' password on the end-to-end server (scripts/e2e-server.ts gets it as RATCHET_DEMO_PASSWORD). */
export const E2E_DEMO_PASSWORD = "e2e-demo-password-7f3a";
