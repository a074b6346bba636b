// Every schema imports zod from here. In the browser the app runs under a Content-Security-Policy
// without 'unsafe-eval', and zod's first parse would probe `new Function` to decide whether to
// compile its parsers: the probe fails quietly but the browser still reports a policy violation.
// jitless skips the probe there; the server keeps the compiled parsers.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
