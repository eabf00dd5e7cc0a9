'use client';

import { RouteError } from '@/components/ui/RouteError';

export default function GraphError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError area="Graph" error={error} retry={retry} />;
}
