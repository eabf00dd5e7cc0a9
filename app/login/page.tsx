import type { Metadata } from 'next';
import { safeNext } from '@/server/auth';
import { login } from './actions';

export const metadata: Metadata = { title: 'Sign in' };

/** What went wrong with the last attempt, from the `error` (and `retry`) query the action redirects with. */
function errorText(error: string | undefined, retry: string | undefined): string | undefined {
  if (!error) return undefined;
  if (error === 'limited') return `Too many wrong tokens: sign-in is paused${/^\d+$/.test(retry ?? '') ? ` for ${retry} s` : ''}.`;
  if (error === 'signed-out') return undefined;
  return 'That token is not the one this server was started with.';
}

/** Asks for PERIMETER_AUTH_TOKEN; the action starts a session (HTTP-only cookie). Works without JavaScript. */
export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string; retry?: string }> }) {
  const { next, error, retry } = await searchParams;
  const message = errorText(error, retry);
  return (
    <div className="mx-auto mt-16 max-w-sm rounded-lg border border-zinc-800 bg-zinc-900/70 p-6">
      <h1 className="text-lg font-semibold text-zinc-100">Sign in to Perimeter</h1>
      <p className="mt-2 text-sm text-zinc-400">This server requires the token it was started with (PERIMETER_AUTH_TOKEN).</p>
      {error === 'signed-out' && (
        <p role="status" className="mt-2 text-sm text-emerald-300" data-testid="signed-out">
          Signed out.
        </p>
      )}
      <form action={login} className="mt-4 flex flex-col gap-3">
        <input type="hidden" name="next" value={safeNext(next)} />
        <label className="flex flex-col gap-1 text-sm text-zinc-300">
          Token
          <input
            name="token"
            type="password"
            autoComplete="current-password"
            required
            autoFocus
            data-testid="login-token"
            className="rounded border border-zinc-700 bg-zinc-950 px-2 py-1.5 text-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-400"
          />
        </label>
        {message && (
          <p role="alert" className="text-sm text-red-300">
            {message}
          </p>
        )}
        <button type="submit" data-testid="login-submit" className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-600 focus-visible:outline-2 focus-visible:outline-sky-300">
          Sign in
        </button>
      </form>
    </div>
  );
}
