'use client';

import { RouteError } from '@/components/ui/RouteError';

export default function PoliciesError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError area="Policies" error={error} retry={retry} />;
}
