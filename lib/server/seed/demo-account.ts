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

/** The demo account teaches this class; its students are the two accounts below. */
export const DEMO_CLASS = { name: "Demo class" } as const;

export const DEMO_STUDENTS = {
  ana: { name: "Ana Student", email: "student.ana@parallax.example", password: "parallax-demo-2026" },
  ben: { name: "Ben Student", email: "student.ben@parallax.example", password: "parallax-demo-2026" },
} as const;
