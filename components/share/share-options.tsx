'use client';

import { labelClass } from '@/components/ui/field';

/** A new share's options, as the dialog edits them. */
export interface ShareOptions {
  blind: boolean;
  showOwner: boolean;
  indexable: boolean;
  expiresInDays: number | null;
}

export const EXPIRY_CHOICES: { days: number | null; label: string }[] = [
  { days: null, label: 'Never' },
  { days: 1, label: 'In a day' },
  { days: 7, label: 'In a week' },
  { days: 30, label: 'In 30 days' },
];

function Check({
  checked,
  onChange,
  disabled = false,
  children,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  children: React.ReactNode;
}) {
  return (
    <label className="flex min-h-7 items-start gap-2 text-xs text-zinc-700 dark:text-zinc-300">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        className="mt-0.5 size-3.5 accent-indigo-600"
      />
      <span>{children}</span>
    </label>
  );
}

/**
 * What a share will be: blind or not (a battle only; a battle not yet voted on can only be
 * shared blind), the owner's name, search engines, expiry.
 */
export function ShareOptionsFields({
  value,
  onChange,
  blindChoice,
}: {
  value: ShareOptions;
  onChange: (value: ShareOptions) => void;
  /** 'none': not a battle; 'forced': a battle still blind; 'free': a battle after its vote. */
  blindChoice: 'none' | 'forced' | 'free';
}) {
  const set = (change: Partial<ShareOptions>) => onChange({ ...value, ...change });
  return (
    <div className="grid gap-1">
      {blindChoice !== 'none' && (
        <Check
          checked={value.blind}
          disabled={blindChoice === 'forced'}
          onChange={(blind) => set({ blind })}
        >
          Blind challenge: recipients see Model A and Model B, vote once, then see who is who
          {blindChoice === 'forced' &&
            ' (this battle has no vote yet, so it can only be shared blind)'}
        </Check>
      )}
      <Check checked={value.showOwner} onChange={(showOwner) => set({ showOwner })}>
        Show my name
      </Check>
      <Check checked={value.indexable} onChange={(indexable) => set({ indexable })}>
        Let search engines index the page
      </Check>
      <label className="mt-1 block">
        <span className={labelClass}>Link expires</span>
        <select
          value={value.expiresInDays ?? ''}
          onChange={(event) =>
            set({ expiresInDays: event.target.value ? Number(event.target.value) : null })
          }
          className="h-7 w-full rounded-md border border-zinc-200 bg-white px-1.5 text-xs dark:border-zinc-800 dark:bg-zinc-950"
        >
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice.label} value={choice.days ?? ''}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
