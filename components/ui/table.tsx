import type { ComponentPropsWithoutRef } from "react";
import { ScrollRegion } from "./scroll-region";

// Thin wrappers that give every table the same look; the table scrolls
// sideways on narrow screens instead of squeezing columns, in a region that
// shows it does (a fade and "scroll →") and takes the keyboard's focus then.
// The scroll box is `relative` so the table's sr-only text is clipped with it
// instead of widening the page.

type TableProps = ComponentPropsWithoutRef<"table"> & { containerClassName?: string };

export function Table({ className = "", containerClassName = "", ...props }: TableProps) {
  return (
    <ScrollRegion label={props["aria-label"] ?? "Table"} className={containerClassName}>
      <table className={`w-full border-collapse text-left text-sm ${className}`} {...props} />
    </ScrollRegion>
  );
}

export function TableHead({ className = "", ...props }: ComponentPropsWithoutRef<"thead">) {
  return <thead className={className ? `thead ${className}` : "thead"} {...props} />;
}

export function TableBody({ className = "", ...props }: ComponentPropsWithoutRef<"tbody">) {
  return <tbody className={`divide-y divide-slate-100 ${className}`} {...props} />;
}

export function TableRow({ className = "", ...props }: ComponentPropsWithoutRef<"tr">) {
  return <tr className={className ? `align-top ${className}` : "align-top"} {...props} />;
}

export function TableHeaderCell({ className = "", scope = "col", ...props }: ComponentPropsWithoutRef<"th">) {
  return (
    <th
      scope={scope}
      className={className ? `th ${className}` : "th"}
      {...props}
    />
  );
}

export function TableCell({ className = "", ...props }: ComponentPropsWithoutRef<"td">) {
  return <td className={className ? `td ${className}` : "td"} {...props} />;
}
