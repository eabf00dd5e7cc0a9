'use client';

import { RouteError } from '@/components/ui/RouteError';

export default function ExposureError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError area="Exposure" error={error} retry={retry} />;
}
