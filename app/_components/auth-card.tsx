import { Brand } from "./brand";

/** The narrow card of the pages outside the signed-in product: sign in, sign up, join a class. */
export function AuthCard({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="auth">
      <div className="auth__card">
        <p>
          <Brand />
        </p>
        <div className="card">{children}</div>
      </div>
    </main>
  );
}
