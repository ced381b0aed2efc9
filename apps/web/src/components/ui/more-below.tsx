"use client";

import { type RefObject, useEffect, useState } from "react";

// A scrolled list cut at its bottom edge says so: a fade over the last visible row and how many
// rows are further down, so nobody takes the visible part for the whole list.

/** How many of the list's rows (`itemSelector`) end below its visible bottom edge, kept current. */
export function useCountBelow(ref: RefObject<HTMLElement | null>, itemSelector: string): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const list = ref.current;
    if (!list) return;
    const measure = () => {
      const bottom = list.getBoundingClientRect().bottom;
      const rows = [...list.querySelectorAll(itemSelector)];
      setCount(rows.filter((row) => row.getBoundingClientRect().bottom > bottom + 1).length);
    };
    measure();
    list.addEventListener("scroll", measure, { passive: true });
    // A search filters the rows; a resized window changes how many fit.
    const mutations = new MutationObserver(measure);
    mutations.observe(list, { childList: true, subtree: true });
    const resizes = new ResizeObserver(measure);
    resizes.observe(list);
    return () => {
      list.removeEventListener("scroll", measure);
      mutations.disconnect();
      resizes.disconnect();
    };
  }, [ref, itemSelector]);
  return count;
}

/**
 * The fade and "N more below" at the bottom of a scrolled list; nothing once the last row shows.
 * Place it after the list inside a `relative` box. Hidden from screen readers, which read the list
 * whole.
 */
export function MoreBelow({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div aria-hidden className="pointer-events-none absolute inset-x-0 bottom-0 flex flex-col">
      <div className="h-8 bg-gradient-to-t from-white to-white/0" />
      <p className="bg-white px-6 pb-2 text-center text-xs font-medium text-slate-600">{text}</p>
    </div>
  );
}
