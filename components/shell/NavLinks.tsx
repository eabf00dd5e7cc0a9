'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isActive, NAV_ITEMS } from '@/viewmodels/shell/navItems';
import { NavIcon } from './NavIcon';

/** Sidebar links; the only client part of the shell, because the active section comes from the URL. */
export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="flex flex-col gap-0.5">
      {NAV_ITEMS.map((item) => {
        const active = isActive(item.href, pathname);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              title={item.description}
              aria-current={active ? 'page' : undefined}
              className={`flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm transition-colors ${
                active ? 'bg-zinc-800 font-medium text-white' : 'text-zinc-300 hover:bg-zinc-800/60 hover:text-white'
              }`}
            >
              <NavIcon href={item.href} className={active ? 'text-sky-300' : 'text-zinc-400'} />
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
