import Link from 'next/link';
import { configuredToken } from '@/server/auth';
import { requestIsAuthorized } from '@/server/authRequest';
import { NavLinks } from './NavLinks';

/** The dark left rail: product name and the six sections and Open files. */
export async function Sidebar() {
  // Sign out only when there is a session to end (not on the login form, not without PERIMETER_AUTH_TOKEN).
  const signedIn = configuredToken() !== undefined && (await requestIsAuthorized());
  return (
    // The aside paints the rail the full height of the page; the nav inside stays in view while the page scrolls.
    <aside className="w-52 shrink-0 border-r border-zinc-800 bg-zinc-900">
      <nav aria-label="Sections" className="sticky top-0 flex h-screen flex-col px-3 py-4">
        <Link href="/" className="mb-5 flex items-center gap-2 px-2.5 text-[15px] font-semibold tracking-tight text-white">
          <img src="/icon.svg" alt="" width={20} height={20} />
          Perimeter
        </Link>
        <NavLinks />
        {signedIn && (
          // A plain form: signing out works without JavaScript and ends the session on the server (app/logout).
          <form method="post" action="/logout" className="mt-auto px-2.5 pb-3">
            <button type="submit" data-testid="sign-out" className="text-sm text-zinc-300 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-400">
              Sign out
            </button>
          </form>
        )}
        <p className={`${signedIn ? '' : 'mt-auto '}px-2.5 text-xs leading-relaxed text-zinc-400`}>NetworkPolicy connectivity and the RBAC that can change it.</p>
      </nav>
    </aside>
  );
}
