import Link from "next/link";

export function Logo() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded-md text-slate-900">
      <span
        aria-hidden
        className="flex size-7 items-center justify-center rounded-lg bg-brand-600 text-white shadow-sm"
      >
        <svg viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M3 4h6M3 8h10M7 12h6" strokeLinecap="round" />
        </svg>
      </span>
      <span className="text-[15px] font-semibold tracking-tight">Ledgerflow</span>
    </Link>
  );
}
