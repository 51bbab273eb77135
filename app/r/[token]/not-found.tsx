/** An unknown or withdrawn share link (HTTP 404): say so plainly, without telling which. */
export default function ReportUnavailable() {
  return (
    <div className="page--narrow">
      <h1>This report is no longer available</h1>
      <p>The link may be mistyped, or whoever published the report has withdrawn it. Ask them for a new link.</p>
    </div>
  );
}
