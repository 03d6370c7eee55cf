// Placeholders shown by the routes' loading.tsx while a page's data loads; they pulse unless the reader prefers reduced motion.

/** A grey block standing in for content of its size. */
export function SkeletonBlock({ className = "" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-md bg-slate-200 motion-reduce:animate-none ${className}`} />;
}

/** A page header's place: title and a line of description. */
export function PageHeaderSkeleton() {
  return (
    <div className="mb-6 space-y-2">
      <SkeletonBlock className="h-4 w-32" />
      <SkeletonBlock className="h-7 w-2/3 max-w-md" />
      <SkeletonBlock className="h-4 w-full max-w-2xl" />
    </div>
  );
}

/** Any page of a project while it loads: a header, a card and a table's rows; says "Loading page…" in words. */
export function PageSkeleton() {
  return (
    <div role="status" aria-live="polite" data-testid="page-skeleton">
      <span className="sr-only">Loading page…</span>
      <PageHeaderSkeleton />
      <SkeletonBlock className="mb-6 h-28 w-full" />
      <div className="space-y-2">
        {Array.from({ length: 6 }, (_, i) => (
          <SkeletonBlock key={i} className="h-8 w-full" />
        ))}
      </div>
    </div>
  );
}
