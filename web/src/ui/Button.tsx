/** Buttons: a real `<button>` (keyboard and screen readers for free), in three looks. */
import type { ButtonHTMLAttributes } from 'react';

const looks = {
  primary: 'bg-sky-700 text-white hover:bg-sky-800 disabled:bg-slate-400',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 disabled:text-slate-400',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-slate-400',
} as const;

/** A button; `type` defaults to "button" so it never submits a form by accident. */
export function Button({ look = 'primary', className = '', type = 'button', ...props }: { look?: keyof typeof looks } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type={type}
      className={`rounded px-3 py-1.5 text-sm font-medium focus:outline-none focus:ring-2 focus:ring-sky-300 disabled:cursor-not-allowed ${looks[look]} ${className}`}
      {...props}
    />
  );
}
