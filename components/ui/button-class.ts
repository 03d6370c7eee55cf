// The button's look as a class string, in a plain module so server components can
// give it to a link too (a Cancel beside a form's buttons navigates, it does not submit);
// form-controls.tsx is a client module, whose exports reach the server as references.
const buttonTones = {
  primary: "bg-blue-700 text-white hover:bg-blue-800 disabled:bg-blue-300",
  secondary: "bg-white text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:text-slate-400",
  danger: "bg-white text-red-700 ring-1 ring-inset ring-red-300 hover:bg-red-50 disabled:text-red-300",
} as const;

export type ButtonTone = keyof typeof buttonTones;

export function buttonClass(tone: ButtonTone = "primary"): string {
  return `inline-flex items-center justify-center gap-1.5 rounded-md px-3 py-2 text-sm font-medium shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2 disabled:cursor-not-allowed ${buttonTones[tone]}`;
}
