import { z } from "zod";

// Runs in the browser before the app: zod would probe `Function("")` to decide
// whether to compile validators, which the CSP (no 'unsafe-eval') refuses and
// reports as a violation. Interpreted validation is fast enough for forms.
z.config({ jitless: true });
