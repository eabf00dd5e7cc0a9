'use client';

import { RouteError } from '@/components/ui/RouteError';

export default function AccessError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError area="Access" error={error} retry={retry} />;
}
