import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="rounded-lg border border-zinc-800 bg-zinc-900/60 p-6">
      <h1 className="text-lg font-semibold text-white">No such page</h1>
      <p className="mt-1 text-sm text-zinc-400">Perimeter has six sections; pick one from the sidebar.</p>
      <Link href="/" className="mt-3 inline-block text-sm text-sky-300 hover:underline">
        Go to the overview
      </Link>
    </div>
  );
}
