import Link from "next/link";
import { redirect } from "next/navigation";
import { Brand } from "@/app/_components/brand";
import { getSessionUser } from "@/lib/server/auth/session";

export default async function HomePage() {
  if (await getSessionUser()) redirect("/workspaces");
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner">
          <Brand />
          <nav className="site-nav" aria-label="Main" />
          <div className="user-menu">
            <Link href="/sign-in" className="button button--quiet button--small">
              Sign in
            </Link>
          </div>
        </div>
      </header>
      <main id="main">
        <section className="hero">
          <div>
            <h1>Same facts. Different stories.</h1>
            <p>
              Parallax puts several outlets&apos; articles about one event side by side, lines up the passages that report
              the same fact, and lets your team tag how each one frames it.
            </p>
            <div className="hero__actions">
              <Link href="/sign-up" className="button">
                Create an account
              </Link>
              <Link href="/sign-in" className="button button--quiet">
                Sign in
              </Link>
            </div>
          </div>
          <figure className="hero__sample" aria-label="Two invented outlets describing the same event">
            <blockquote>
              Officials <mark>opened the spillway</mark> to protect the city.
              <cite>An invented city daily</cite>
            </blockquote>
            <blockquote>
              The port authority <mark>flooded the Flats</mark> to save its docks.
              <cite>An invented neighbourhood paper</cite>
            </blockquote>
          </figure>
        </section>
        <section className="features" aria-label="What Parallax does">
          <div className="card">
            <h2>Line up the facts</h2>
            <p>Fact rows put each outlet&apos;s version of one fact next to the others, with the word differences marked.</p>
          </div>
          <div className="card">
            <h2>Tag the framing</h2>
            <p>Reviewers annotate loaded language, labels, omissions and claims together, from a shared taxonomy.</p>
          </div>
          <div className="card">
            <h2>Teach from it</h2>
            <p>Publish a framing report, or turn a comparison into a classroom exercise.</p>
          </div>
        </section>
      </main>
    </>
  );
}
