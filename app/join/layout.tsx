import { Brand } from "@/app/_components/brand";

export default function JoinLayout({ children }: { children: React.ReactNode }) {
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
