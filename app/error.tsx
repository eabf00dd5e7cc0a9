'use client';

import { RouteError } from '@/components/ui/RouteError';

export default function OverviewError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError area="Overview" error={error} retry={retry} />;
}
