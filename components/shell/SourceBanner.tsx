import Link from 'next/link';
import { requestIsAuthorized } from '@/server/authRequest';
import { currentSnapshot, sourceLabelOf } from '@/server/currentSnapshot';
import { CONFIG_ENV, dashboardConfig, describeDashboardConfig } from '@/server/dashboardConfig';
import { describeSourceConfig } from '@/server/sourceConfig';
import { formatTime, plural } from '@/viewmodels/ui/format';
import { LiveStatus } from './LiveStatus';
import { HistoryStatus } from '../history/HistoryStatus';
import { ReportLinks } from '../whatif/ReportLinks';
import { warningSummary } from '@/viewmodels/shell/warningSummary';

/** The strip above every page: which source the data comes from, when it was read, and how many warnings it has. */
export async function SourceBanner() {
  // The login form renders in the same layout: no source name, server or counts before sign-in.
  if (!(await requestIsAuthorized())) return null;
  const result = await currentSnapshot();
  if (!result.ok) {
    return (
      <div role="status" data-testid="source-banner" className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-red-900 bg-red-950/60 px-6 py-2 text-sm">
        {result.failure.reason === 'config-failed' ? (
          <>
            <span className="font-semibold text-red-100">Config failed</span>
            <span className="text-red-200">{CONFIG_ENV}={configPath()}</span>
            <span className="text-red-200/90">— no answers are shown rather than answers that guess its groups and duties.</span>
          </>
        ) : (
          <>
            <span className="font-semibold text-red-100">Source failed</span>
            <span className="text-red-200">{describeSourceConfig(result.config)}</span>
            <span className="text-red-200/90">— no data is shown rather than data from another source.</span>
          </>
        )}
      </div>
    );
  }
  if (result.upload) return <UploadBanner fileNames={result.upload.fileNames} warnings={warningSummary(result.snapshot.warnings)} uploadedAt={result.upload.uploadedAt} />;
  const { snapshot, evicted } = result;
  const label = sourceLabelOf(result);
  const warnings = warningSummary(snapshot.warnings);
  const unreadable = snapshot.unreadable.length;
  return (
    <>
      {evicted && (
        // The upload this browser had is gone: said, rather than showing the configured source as if nothing happened.
        <div role="alert" data-testid="upload-evicted" className="border-b border-amber-900 bg-amber-950/60 px-6 py-2 text-sm text-amber-100">
          Your upload ({evicted.fileNames.slice(0, 3).join(', ')}
          {evicted.fileNames.length > 3 ? ` and ${evicted.fileNames.length - 3} more` : ''}) was removed from server memory at <time dateTime={new Date(evicted.evictedAt).toISOString()}>{formatTime(new Date(evicted.evictedAt).toISOString())}</time>: {evicted.reason}. Showing the configured source;{' '}
          <Link href="/open" className="underline underline-offset-2">
            open the files again
          </Link>{' '}
          to see them.
        </div>
      )}
      <div role="status" data-testid="source-banner" className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-zinc-800 bg-zinc-900/70 px-6 py-2 text-sm">
        <span className="flex items-center gap-2">
          <span aria-hidden className={`h-2 w-2 rounded-full ${snapshot.source.kind === 'demo' ? 'bg-amber-400' : 'bg-emerald-400'}`} />
          <span className="font-medium text-zinc-100" data-testid="source-title">
            {label.title}
          </span>
          <span className="text-zinc-400">—</span>
          <span className="text-zinc-300" data-testid="source-detail">
            {label.detail}
          </span>
        </span>
        <span className="text-zinc-400">
          read <time dateTime={snapshot.readAt}>{formatTime(snapshot.readAt)}</time>
          {snapshot.version > 1 && <> · version {snapshot.version}</>}
        </span>
        <ConfigInEffect />
        <span className="ml-auto flex items-center gap-3">
          <span className="text-zinc-300">
            <ReportLinks compact />
          </span>
          {snapshot.source.kind === 'cluster' && <LiveStatus version={snapshot.version} context={snapshot.source.context} />}
          {snapshot.source.kind === 'cluster' && <HistoryStatus />}
          {unreadable > 0 && (
            <Link href="/findings#unreadable" className="text-red-200 underline-offset-2 hover:underline">
              {plural(unreadable, 'kind')} unreadable
            </Link>
          )}
          <Link
            href="/findings#warnings"
            data-testid="warning-count"
            data-worst={warnings.worst}
            className={`underline-offset-2 hover:underline ${WORST_COLOR[warnings.worst ?? 'none']}`}
          >
            {warnings.text}
          </Link>
        </span>
      </div>
    </>
  );
}

/** The count's colour by its most severe warning. */
const WORST_COLOR = { error: 'text-red-200', warning: 'text-amber-200', info: 'text-zinc-300', none: 'text-zinc-300' } as const;

/** The path PERIMETER_CONFIG names, as written. */
function configPath(): string {
  const c = dashboardConfig();
  return c.kind === 'none' ? '' : c.path;
}

/** Which perimeter.config.yaml the RBAC answers and findings assume (PERIMETER_CONFIG), with its warnings. */
function ConfigInEffect() {
  const applied = dashboardConfig();
  if (applied.kind === 'failed') return null; // currentSnapshot already failed the page with the cause
  if (applied.kind === 'none') {
    return (
      <span
        data-testid="config-in-effect"
        className="text-amber-200"
        title={`${describeDashboardConfig(applied)}. Set ${CONFIG_ENV}=perimeter.config.yaml to declare IdP groups, duties, rule settings and the allow-list (docs/config.md).`}
      >
        {/* Short: the banner fits one line at 1440 px; the Findings header gives the full sentence. */}
        no config: groups and duties unknown
      </span>
    );
  }
  return (
    <span data-testid="config-in-effect" className="text-zinc-300" title={applied.resolved}>
      {describeDashboardConfig(applied)}
      {applied.warnings.length > 0 && (
        <>
          {' · '}
          <Link href="/findings#config-warnings" className="text-amber-200 underline-offset-2 hover:underline">
            {plural(applied.warnings.length, 'config warning')}
          </Link>
        </>
      )}
    </span>
  );
}

/** The banner while this browser looks at its own uploaded files: says where they live and how to go back. */
function UploadBanner({ fileNames, warnings, uploadedAt }: { fileNames: readonly string[]; warnings: ReturnType<typeof warningSummary>; uploadedAt: string }) {
  const shown = fileNames.slice(0, 3).join(', ') + (fileNames.length > 3 ? ` and ${fileNames.length - 3} more` : '');
  return (
    <div role="status" data-testid="source-banner" className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-violet-900 bg-violet-950/60 px-6 py-2 text-sm">
      <span className="flex items-center gap-2">
        <span aria-hidden className="h-2 w-2 rounded-full bg-violet-300" />
        <span className="font-medium text-violet-50" data-testid="source-title">
          Uploaded files (this browser only, in server memory)
        </span>
        <span className="text-violet-300">—</span>
        <span className="text-violet-100" data-testid="source-detail" title={fileNames.join(', ')}>
          {shown}
        </span>
      </span>
      <span className="text-violet-200">
        uploaded <time dateTime={uploadedAt}>{formatTime(uploadedAt)}</time> · never written to disk · forgotten after 30 min idle
      </span>
      <ConfigInEffect />
      <span className="ml-auto flex items-center gap-3">
        <Link href="/findings#warnings" data-testid="warning-count" data-worst={warnings.worst} className="text-violet-100 underline-offset-2 hover:underline">
          {warnings.text}
        </Link>
        <form method="post" action="/api/upload/clear">
          <button type="submit" data-testid="leave-upload" className="rounded border border-violet-700 px-2 py-0.5 text-violet-50 hover:bg-violet-900 focus-visible:outline-2 focus-visible:outline-violet-300">
            Back to the configured source
          </button>
        </form>
      </span>
    </div>
  );
}

/** The banner's loading state, the same height so the page does not jump. */
export function SourceBannerSkeleton() {
  return (
    <div aria-hidden className="flex items-center gap-3 border-b border-zinc-800 bg-zinc-900/70 px-6 py-2 text-sm text-zinc-400">
      <span className="h-2 w-2 animate-pulse rounded-full bg-zinc-600" />
      Reading the source…
    </div>
  );
}
