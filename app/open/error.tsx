'use client';

import { RouteError } from '@/components/ui/RouteError';

export default function OpenFilesError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError area="Open files" error={error} retry={retry} />;
}
