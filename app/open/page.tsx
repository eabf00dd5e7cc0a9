import type { Metadata } from 'next';
import { UploadForm } from '@/components/upload/UploadForm';
import { DEFAULT_LIMITS } from '@/lib/sources';
import { PageHeader } from '@/components/ui/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { currentSnapshot } from '@/server/currentSnapshot';
import { UPLOAD_IDLE_MS, uploadLimits } from '@/server/uploads';

export const metadata: Metadata = { title: 'Open files' };

const MiB = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;

export default async function OpenFilesPage() {
  const result = await currentSnapshot();
  return (
    <>
      <PageHeader
        title="Open files"
        description="Analyse manifests of your own instead of the configured source. They are parsed on the server, kept in its memory for this browser only, and never written to disk."
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <UploadForm />
        <Panel title="How uploads are kept">
          <ul className="space-y-2 px-4 py-3 text-sm text-zinc-300">
            <li>Only this browser sees them: a random HttpOnly, SameSite=Strict cookie names its session.</li>
            <li>Held in server memory only, never on disk; forgotten after {UPLOAD_IDLE_MS / 60000} minutes without use or when the server restarts.</li>
            <li>
              Limits as for manifest files: {MiB(DEFAULT_LIMITS.maxFileBytes)} a file, {MiB(DEFAULT_LIMITS.maxTotalBytes)} an upload,{' '}
              {DEFAULT_LIMITS.maxDocuments.toLocaleString('en-US')} documents. All browsers together hold at most {MiB(uploadLimits().capBytes)} of server memory (snapshots and their analyses, estimated), one client at most {MiB(uploadLimits().clientBytes)}; past that the least recently used upload goes first, and its browser is told.
            </li>
            <li>Files other than .yaml, .yml and .json are skipped (and listed as a warning).</li>
          </ul>
          {result.upload && (
            <div className="border-t border-zinc-800 px-4 py-3 text-sm text-zinc-200" data-testid="current-upload">
              Now showing {result.upload.fileNames.length} uploaded file(s). Upload again to replace them, or use “Back to the configured source” in the banner.
            </div>
          )}
        </Panel>
      </div>
    </>
  );
}
