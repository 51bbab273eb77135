export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">Parallax: see how each outlet frames the same facts.</div>
    </footer>
  );
}
