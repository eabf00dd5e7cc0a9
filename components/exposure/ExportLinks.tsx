import { EXPOSURE_FORMATS, type ExposureFormat } from '@/viewmodels/exposure/exposureExport';

const LINK = 'text-sky-300 underline-offset-2 hover:underline';

/** `label: CSV · JSON`, downloads of every row of one Exposure list (GET /api/exposure). */
export function ExportLinks({ href, label = 'Export all', testId }: { href: (format: ExposureFormat) => string; label?: string; testId?: string }) {
  return (
    <span className="text-xs whitespace-nowrap text-zinc-400" data-testid={testId}>
      {label}:{' '}
      {EXPOSURE_FORMATS.map((f, i) => (
        <span key={f}>
          {i > 0 && ' · '}
          <a className={LINK} href={href(f)} download>
            {f.toUpperCase()}
          </a>
        </span>
      ))}
    </span>
  );
}
