/** "Export audit report" in each format: the self-contained report of the snapshot this browser is looking at. */
export function ReportLinks({ compact = false }: { compact?: boolean }) {
  const formats = [
    { format: 'html', label: 'HTML' },
    { format: 'md', label: 'Markdown' },
    { format: 'json', label: 'JSON' },
  ];
  if (compact) {
    return (
      <a href="/api/report?format=html" target="_blank" rel="noopener" data-testid="export-report" className="underline-offset-2 hover:underline">
        Export audit report
      </a>
    );
  }
  return (
    <div className="flex items-center gap-2 text-sm" data-testid="report-links">
      <span className="text-zinc-400">Export audit report:</span>
      {formats.map((f) => (
        <a key={f.format} href={`/api/report?format=${f.format}&download=1`} download className="rounded-md border border-zinc-700 px-2.5 py-1 text-zinc-100 hover:bg-zinc-800 focus-visible:outline-2 focus-visible:outline-sky-400">
          {f.label}
        </a>
      ))}
    </div>
  );
}
