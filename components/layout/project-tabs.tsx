"use client";
import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";
import { useSidewaysOverflow } from "@/components/ui/scroll-region";

/**
 * The project's tabs in one row that scrolls sideways when it is wider than the
 * screen (six tabs on a 390 px phone), and shows that it does: a fade with a
 * chevron on each side that has more tabs, so a tab past the edge is not
 * mistaken for absent. The current tab is scrolled into view when the path changes.
 */
export function ProjectTabs({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  const more = useSidewaysOverflow(ref);
  const pathname = usePathname();
  useEffect(() => {
    const box = ref.current;
    const current = box?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!box || !current) return;
    const right = current.offsetLeft + current.offsetWidth;
    // Only when it is past the edge, with room for the cue beside it.
    if (right > box.scrollLeft + box.clientWidth) box.scrollLeft = right - box.clientWidth + 32;
  }, [pathname]);
  const cue = "pointer-events-none absolute inset-y-0 flex w-10 items-center from-white via-white/90 to-transparent text-lg font-semibold text-slate-700 transition-opacity print:hidden";
  return (
    <div className="relative">
      <nav
        ref={ref}
        aria-label="Project"
        data-more-left={more.left || undefined}
        data-more-right={more.right || undefined}
        className="-mx-1 flex gap-5 overflow-x-auto px-1"
      >
        {children}
      </nav>
      <div aria-hidden="true" data-cue="left" className={`${cue} -left-1 justify-start bg-gradient-to-r ${more.left ? "opacity-100" : "opacity-0"}`}>
        ‹
      </div>
      <div aria-hidden="true" data-cue="right" className={`${cue} -right-1 justify-end bg-gradient-to-l ${more.right ? "opacity-100" : "opacity-0"}`}>
        ›
      </div>
    </div>
  );
}
