'use client';

import { RouteError } from '@/components/ui/RouteError';

export default function ExplainError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError area="Explain" error={error} retry={retry} />;
}
