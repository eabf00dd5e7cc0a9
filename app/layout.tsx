import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense, type ReactNode } from 'react';
import { Sidebar } from '@/components/shell/Sidebar';
import { SourceBanner, SourceBannerSkeleton } from '@/components/shell/SourceBanner';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Perimeter', template: '%s · Perimeter' },
  description: 'Kubernetes NetworkPolicy connectivity and the RBAC that can change it.',
  // app/icon.svg is the icon; public/ holds its rasters (scripts/icons.ts): /favicon.ico and the touch icon.
  icons: { icon: { url: '/icon.svg', type: 'image/svg+xml' }, apple: '/apple-touch-icon.png' },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry the nonce of that response's CSP (proxy.ts); a page prerendered
  // at build time would have scripts without it, which the browser refuses.
  await connection();
  return (
    <html lang="en">
      <body className="font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-sky-900 focus:px-3 focus:py-1.5 focus:text-white">
          Skip to content
        </a>
        <div className="flex min-h-screen">
          <Sidebar />
          <div className="flex min-w-0 flex-1 flex-col">
            <Suspense fallback={<SourceBannerSkeleton />}>
              <SourceBanner />
            </Suspense>
            <main id="main" className="min-w-0 flex-1 px-6 py-5">
              {children}
            </main>
          </div>
        </div>
      </body>
    </html>
  );
}
