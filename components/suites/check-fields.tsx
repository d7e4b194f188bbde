'use client';

import { useId, useState } from 'react';
import { inputClass, labelClass } from '@/components/ui/field';
import type { SuiteCheck } from '@/lib/suites/checks';

const KINDS: { kind: SuiteCheck['kind']; label: string }[] = [
  { kind: 'number', label: 'Number(s)' },
  { kind: 'line-starts', label: 'Each line starts with' },
  { kind: 'match', label: 'Text or pattern' },
  { kind: 'manual', label: 'Judge by hand' },
];

const EMPTY: Record<SuiteCheck['kind'], SuiteCheck> = {
  number: { kind: 'number', expected: [0], tolerance: 0 },
  'line-starts': { kind: 'line-starts', starts: '' },
  match: { kind: 'match', mode: 'exact', pattern: '', caseSensitive: false },
  manual: { kind: 'manual' },
};

/** `12, 13` → [12, 13]; null when any part is not a number. */
function parseNumbers(text: string): number[] | null {
  const parts = text.split(/[,，;；\s]+/).filter(Boolean);
  const values = parts.map(Number);
  return values.length > 0 && values.every(Number.isFinite) ? values : null;
}

/** How a prompt's answer is checked: kind first, then that kind's fields. */
export function CheckFields({
  check,
  onChange,
}: {
  check: SuiteCheck;
  onChange: (check: SuiteCheck) => void;
}) {
  const id = useId();
  const [numbers, setNumbers] = useState(check.kind === 'number' ? check.expected.join(', ') : '');
  return (
    <div className="grid grid-cols-1 gap-2 sm:grid-cols-[12rem_1fr]">
      <div>
        <label htmlFor={`${id}-kind`} className={labelClass}>
          Check
        </label>
        <select
          id={`${id}-kind`}
          value={check.kind}
          onChange={(event) => {
            const next = EMPTY[event.target.value as SuiteCheck['kind']];
            if (next.kind === 'number') setNumbers(next.expected.join(', '));
            onChange(next);
          }}
          className={inputClass}
        >
          {KINDS.map((option) => (
            <option key={option.kind} value={option.kind}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {check.kind === 'number' && (
        <div className="grid grid-cols-1 grid-cols-[1fr_7rem] gap-2">
          <div>
            <label htmlFor={`${id}-expected`} className={labelClass}>
              Expected (read from \boxed&#123;&#125; or the last line)
            </label>
            <input
              id={`${id}-expected`}
              value={numbers}
              aria-invalid={parseNumbers(numbers) === null}
              onChange={(event) => {
                setNumbers(event.target.value);
                const expected = parseNumbers(event.target.value);
                if (expected) onChange({ ...check, expected });
              }}
              placeholder="12, 13"
              className={inputClass}
            />
          </div>
          <div>
            <label htmlFor={`${id}-tolerance`} className={labelClass}>
              ± tolerance
            </label>
            <input
              id={`${id}-tolerance`}
              type="number"
              min={0}
              step="any"
              value={check.tolerance}
              onChange={(event) =>
                onChange({ ...check, tolerance: Math.max(0, Number(event.target.value) || 0) })
              }
              className={inputClass}
            />
          </div>
        </div>
      )}
      {check.kind === 'line-starts' && (
        <div>
          <label htmlFor={`${id}-starts`} className={labelClass}>
            Characters, one per line
          </label>
          <input
            id={`${id}-starts`}
            value={check.starts}
            onChange={(event) => onChange({ ...check, starts: event.target.value })}
            placeholder="新年快乐万事如意"
            className={inputClass}
          />
        </div>
      )}
      {check.kind === 'match' && (
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-[8rem_1fr]">
          <div>
            <label htmlFor={`${id}-mode`} className={labelClass}>
              Match
            </label>
            <select
              id={`${id}-mode`}
              value={check.mode}
              onChange={(event) =>
                onChange({ ...check, mode: event.target.value as 'exact' | 'regex' })
              }
              className={inputClass}
            >
              <option value="exact">Exactly</option>
              <option value="regex">Regular expression</option>
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-pattern`} className={labelClass}>
              {check.mode === 'exact' ? 'The final answer' : 'Pattern (JavaScript)'}
            </label>
            <input
              id={`${id}-pattern`}
              value={check.pattern}
              onChange={(event) => onChange({ ...check, pattern: event.target.value })}
              className={`${inputClass} font-mono`}
            />
            <label className="mt-1 flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
              <input
                type="checkbox"
                checked={check.caseSensitive}
                onChange={(event) => onChange({ ...check, caseSensitive: event.target.checked })}
              />
              Case-sensitive
            </label>
          </div>
        </div>
      )}
      {check.kind === 'manual' && (
        <p className="self-end pb-2 text-xs text-zinc-600 dark:text-zinc-400">
          Each answer waits for your ✓ or ✗ in the results grid.
        </p>
      )}
    </div>
  );
}
