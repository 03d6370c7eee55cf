"use client";
import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";

/**
 * Whether the box has more content to its left and to its right, kept up to
 * date as it scrolls or either it or its content changes size.
 */
export function useSidewaysOverflow(ref: RefObject<HTMLElement | null>) {
  const [overflow, setOverflow] = useState({ left: false, right: false });
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => {
      const left = box.scrollLeft > 1;
      const right = box.scrollLeft + box.clientWidth < box.scrollWidth - 1;
      setOverflow((o) => (o.left === left && o.right === right ? o : { left, right }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const child of Array.from(box.children)) observer.observe(child);
    box.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener("scroll", measure);
    };
  }, [ref]);
  return overflow;
}

type ScrollRegionProps = {
  /** What scrolls, e.g. the table's name: the region is named "<label>, scrolls sideways". */
  label: string;
  className?: string;
  children: ReactNode;
};

/**
 * A box that scrolls sideways when its content is wider (a table on a 390 px
 * phone) and shows it: a fade on the side that has more, a "scroll →" caption,
 * and — only while it overflows — a focusable, named region, so a keyboard
 * user can scroll it with the arrow keys.
 */
export function ScrollRegion({ label, className = "", children }: ScrollRegionProps) {
  const ref = useRef<HTMLDivElement>(null);
  const overflow = useSidewaysOverflow(ref);
  const scrolls = overflow.left || overflow.right;
  return (
    <div className={`relative ${className}`} data-scrolls={scrolls || undefined}>
      {scrolls ? (
        <p className="mb-1 text-right text-xs text-slate-600 print:hidden" aria-hidden="true">
          scroll →
        </p>
      ) : null}
      <div className="relative">
        <div
          ref={ref}
          className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white print:overflow-visible"
          {...(scrolls ? { tabIndex: 0, role: "region", "aria-label": `${label}, scrolls sideways` } : {})}
        >
          {children}
        </div>
        <div
          aria-hidden="true"
          data-fade="left"
          className={`pointer-events-none absolute inset-y-px left-px w-6 rounded-l-lg bg-gradient-to-r from-slate-900/15 to-transparent transition-opacity print:hidden ${overflow.left ? "opacity-100" : "opacity-0"}`}
        />
        <div
          aria-hidden="true"
          data-fade="right"
          className={`pointer-events-none absolute inset-y-px right-px w-6 rounded-r-lg bg-gradient-to-l from-slate-900/15 to-transparent transition-opacity print:hidden ${overflow.right ? "opacity-100" : "opacity-0"}`}
        />
      </div>
    </div>
  );
}
