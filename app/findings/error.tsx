'use client';

import { RouteError } from '@/components/ui/RouteError';

export default function FindingsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError area="Findings" error={error} retry={retry} />;
}
