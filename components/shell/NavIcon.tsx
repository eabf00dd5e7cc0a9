/** Small line icons for the sidebar, drawn inline so no icon package or network is needed. */
export function NavIcon({ href, className = '' }: { href: string; className?: string }) {
  const common = {
    width: 16,
    height: 16,
    viewBox: '0 0 16 16',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 1.5,
    strokeLinecap: 'round' as const,
    strokeLinejoin: 'round' as const,
    'aria-hidden': true,
    className: `shrink-0 ${className}`,
  };
  switch (href) {
    case '/':
      return (
        <svg {...common}>
          <rect x="2" y="2" width="5" height="5" rx="1" />
          <rect x="9" y="2" width="5" height="5" rx="1" />
          <rect x="2" y="9" width="5" height="5" rx="1" />
          <rect x="9" y="9" width="5" height="5" rx="1" />
        </svg>
      );
    case '/exposure':
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="6" />
          <path d="M2 8h12M8 2c-2 2-2 10 0 12M8 2c2 2 2 10 0 12" />
        </svg>
      );
    case '/graph':
      return (
        <svg {...common}>
          <circle cx="4" cy="4" r="2" />
          <circle cx="12" cy="5" r="2" />
          <circle cx="7" cy="12" r="2" />
          <path d="M5.8 4.3 10 4.8M5 5.7l1.4 4.5M10.7 6.6 8.3 10.5" />
        </svg>
      );
    case '/explain':
      return (
        <svg {...common}>
          <circle cx="7" cy="7" r="4.5" />
          <path d="m10.5 10.5 3.5 3.5" />
        </svg>
      );
    case '/policies':
      return (
        <svg {...common}>
          <path d="M8 1.8 13.5 4v4c0 3.2-2.4 5.4-5.5 6.2C4.9 13.4 2.5 11.2 2.5 8V4z" />
        </svg>
      );
    case '/access':
      return (
        <svg {...common}>
          <circle cx="5.5" cy="8" r="3" />
          <path d="M8.5 8H14M12 8v2.5M14 8v2" />
        </svg>
      );
    case '/history':
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="6" />
          <path d="M8 4.5V8l2.5 1.5" />
        </svg>
      );
    case '/what-if':
      return (
        <svg {...common}>
          <path d="M2 4h5M2 8h3M2 12h5" />
          <path d="M9 4h5M11 8h3M9 12h5" strokeDasharray="1.5 1.5" />
        </svg>
      );
    case '/open':
      return (
        <svg {...common}>
          <path d="M2 4.5V12.5h12V6H7.5L6 4.5z" />
          <path d="M8 11V7.8M6.6 9.2 8 7.8l1.4 1.4" />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <path d="M8 2 14.5 13.5h-13z" />
          <path d="M8 6.5v3.2M8 11.6v.1" />
        </svg>
      );
  }
}
