/**
 * The demo account created on first start, printed in the console and the README.
 * It exists for looking around on a local machine; set PARALLAX_SEED_DEMO=false on a
 * server that others can reach.
 */
export const DEMO_ACCOUNT = {
  name: "Dana Demo",
  email: "demo@parallax.example",
  password: "parallax-demo-2026",
} as const;

export const DEMO_WORKSPACE = { name: "Demo newsroom", slug: "demo-newsroom" } as const;
