/** The id of the element every layout's main content carries: where "Skip to content" lands. */
export const MAIN_CONTENT_ID = "main-content";

/**
 * "Skip to content": the first thing Tab reaches on every page, visible only once focused, so a
 * keyboard user passes the navigation in one key press (WCAG 2.4.1). The target is a `<main>` with
 * tabIndex -1, so focus (not only the scroll position) moves there.
 */
export function SkipLink() {
  return (
    <a
      href={`#${MAIN_CONTENT_ID}`}
      className="sr-only rounded-md bg-white px-4 py-2 text-sm font-medium text-brand-700 shadow-lg ring-1 ring-slate-200 focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-[60]"
    >
      Skip to content
    </a>
  );
}
