'use client';

import { useId, useState } from 'react';

export const inputClass =
  'w-full rounded-md border border-zinc-200 bg-white px-2 py-1.5 text-sm text-zinc-900 shadow-xs ' +
  'placeholder:text-zinc-500 outline-none transition-colors focus-visible:border-indigo-400 ' +
  'focus-visible:ring-2 focus-visible:ring-indigo-500/30 disabled:opacity-50 ' +
  'aria-invalid:border-red-400 aria-invalid:ring-red-500/20 ' +
  'dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-400';

export const labelClass = 'mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400';

/** A number input that keeps what the user types and reports a value only when it parses. */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step,
  integer = false,
  placeholder,
  hint,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  min: number;
  max: number;
  step: number;
  integer?: boolean;
  placeholder: string;
  hint?: string;
}) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const parsed = text.trim() === '' ? undefined : Number(text);
  const invalid =
    parsed !== undefined &&
    (!Number.isFinite(parsed) ||
      parsed < min ||
      parsed > max ||
      (integer && !Number.isInteger(parsed)));

  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={step}
        value={text}
        placeholder={placeholder}
        aria-invalid={invalid || undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const number = next.trim() === '' ? undefined : Number(next);
          const ok =
            number === undefined ||
            (Number.isFinite(number) &&
              number >= min &&
              number <= max &&
              (!integer || Number.isInteger(number)));
          if (ok) onChange(number);
        }}
        className={`${inputClass} font-mono tabular-nums`}
      />
      {hint && (
        <p
          id={`${id}-hint`}
          className={`mt-1 text-[11px] ${invalid ? 'text-red-600 dark:text-red-400' : 'text-zinc-500 dark:text-zinc-400'}`}
        >
          {hint}
        </p>
      )}
    </div>
  );
}
