"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";

type Phase = "idle" | "start" | "loading" | "done";

/**
 * Put on a route's loading placeholder (loading.tsx): while one is on the page, the navigation has not ended. Next commits
 * the new URL together with the placeholder, long before the page's content has rendered.
 */
export const PAGE_LOADING_ATTRIBUTE = "data-page-loading";

/** Whether the page's content is shown: no loading placeholder, and the frame's <main> (where there is one) is not empty. */
function pageRendered(): boolean {
  if (document.querySelector(`[${PAGE_LOADING_ATTRIBUTE}]`)) return false;
  const main = document.querySelector("main");
  return main === null || main.childElementCount > 0;
}

/** A navigation that has not ended after this long has failed or been abandoned: stop showing progress. */
const GIVE_UP_MS = 20_000;

/** Whether a click on this link starts a client navigation to another page of this site. */
function navigatesAway(event: MouseEvent): boolean {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement) || link.hasAttribute("download")) return false;
  if (link.target && link.target !== "_self") return false;
  const url = new URL(link.href, window.location.href);
  return url.origin === window.location.origin && (url.pathname !== window.location.pathname || url.search !== window.location.search);
}

/**
 * A thin bar at the top of the window from a click on a link (or a GET form's submit) until the new page
 * is shown: Next's App Router has no navigation events, so it starts on the click and ends once the URL
 * the router renders has changed and the page's content is shown (pageRendered): not a loading placeholder
 * (PAGE_LOADING_ATTRIBUTE), which comes with the new URL.
 * With prefers-reduced-motion the bar shows without moving.
 */
export function NavigationProgress() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const [phase, setPhase] = useState<Phase>("idle");
  // The URL the router renders has changed since the navigation started.
  const [arrived, setArrived] = useState(false);
  const url = `${pathname}?${search}`;
  const lastUrl = useRef(url);

  useEffect(() => {
    const start = () => {
      setArrived(false);
      setPhase("start");
    };
    const onClick = (event: MouseEvent) => {
      if (navigatesAway(event)) start();
    };
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target;
      if (form instanceof HTMLFormElement && form.method.toLowerCase() === "get" && !event.defaultPrevented) start();
    };
    // Capture: Next's <Link> prevents the default in its own handler.
    document.addEventListener("click", onClick, true);
    document.addEventListener("submit", onSubmit);
    return () => {
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("submit", onSubmit);
    };
  }, []);

  useEffect(() => {
    if (url === lastUrl.current) return;
    lastUrl.current = url;
    setArrived(true);
  }, [url]);

  // The new page is rendered: its URL is shown and its content is on the page — not its loading placeholder, and not
  // the empty frame the router shows for a moment when it had no placeholder to show.
  useEffect(() => {
    if (!arrived || (phase !== "start" && phase !== "loading")) return;
    if (pageRendered()) {
      setPhase("done");
      return;
    }
    const observer = new MutationObserver(() => {
      if (pageRendered()) setPhase("done");
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [arrived, phase]);

  useEffect(() => {
    if (phase === "start") {
      const frame = requestAnimationFrame(() => setPhase("loading"));
      return () => cancelAnimationFrame(frame);
    }
    if (phase === "loading") {
      const timer = setTimeout(() => setPhase("done"), GIVE_UP_MS);
      return () => clearTimeout(timer);
    }
    if (phase === "done") {
      const timer = setTimeout(() => setPhase("idle"), 300);
      return () => clearTimeout(timer);
    }
  }, [phase]);

  if (phase === "idle") return null;
  const busy = phase !== "done";
  return (
    <div className="pointer-events-none fixed inset-x-0 top-0 z-50 h-1 print:hidden" data-testid="navigation-progress">
      <div
        role={busy ? "progressbar" : undefined}
        aria-label={busy ? "Loading page" : undefined}
        aria-hidden={busy ? undefined : true}
        className={`h-full origin-left bg-sky-400 shadow-[0_0_6px_rgba(56,189,248,0.8)] motion-reduce:transition-none ${
          phase === "start"
            ? "scale-x-[0.08]"
            : phase === "loading"
              ? "scale-x-[0.85] transition-transform duration-[8000ms] ease-out"
              : "scale-x-100 opacity-0 transition-[transform,opacity] duration-300"
        }`}
      />
    </div>
  );
}

/** Wraps a route's loading placeholder: the navigation progress bar stays until it has given way to the page. */
export function PageLoading({ children }: { children: ReactNode }) {
  return (
    <div {...{ [PAGE_LOADING_ATTRIBUTE]: "" }} className="contents">
      {children}
    </div>
  );
}
