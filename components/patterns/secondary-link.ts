// The secondary button's look (components/ui/form-controls.tsx) for a link that sits
// beside a form's buttons, such as Cancel: it navigates, it does not submit.
// A plain module, so server and client components can both use it.
export const secondaryLinkClass =
  "inline-flex items-center justify-center rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2";
