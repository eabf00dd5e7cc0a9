import Link from 'next/link';
import { NavLinks } from './NavLinks';

/** The dark left rail: product name and the six sections and Open files. */
export function Sidebar() {
  return (
    // The aside paints the rail the full height of the page; the nav inside stays in view while the page scrolls.
    <aside className="w-52 shrink-0 border-r border-zinc-800 bg-zinc-900">
      <nav aria-label="Sections" className="sticky top-0 flex h-screen flex-col px-3 py-4">
        <Link href="/" className="mb-5 flex items-center gap-2 px-2.5 text-[15px] font-semibold tracking-tight text-white">
          <img src="/icon.svg" alt="" width={20} height={20} />
          Perimeter
        </Link>
        <NavLinks />
        <p className="mt-auto px-2.5 text-xs leading-relaxed text-zinc-400">NetworkPolicy connectivity and the RBAC that can change it.</p>
      </nav>
    </aside>
  );
}
