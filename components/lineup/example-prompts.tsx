const examples = [
  {
    label: 'Chickens and rabbits',
    prompt: 'A farm has chickens and rabbits: 35 heads and 94 legs. How many of each?',
  },
  { label: 'Acrostic poem', prompt: 'Write an acrostic poem about SPEED, one line per letter.' },
  {
    label: 'Snake game',
    prompt: 'Write a snake game that runs in the browser, in a single HTML file.',
  },
  {
    label: 'Strawberry',
    prompt: 'How many times does the letter r appear in "strawberry"? Count carefully.',
  },
];

/** Prompts that tell reasoning models apart, one click from the composer. */
export function ExamplePrompts({ onPick }: { onPick: (prompt: string) => void }) {
  return (
    <section aria-labelledby="examples-title" className="grid gap-2">
      <h2 id="examples-title" className="text-sm font-semibold">
        Try a prompt
      </h2>
      <ul className="flex flex-wrap gap-2">
        {examples.map((example) => (
          <li key={example.label}>
            <button
              type="button"
              title={example.prompt}
              onClick={() => onPick(example.prompt)}
              className="rounded-full border border-zinc-200 px-3 py-1 text-xs text-zinc-600 outline-none transition-colors hover:border-zinc-300 hover:bg-zinc-50 hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-indigo-500/60 dark:border-zinc-800 dark:text-zinc-400 dark:hover:bg-zinc-900 dark:hover:text-zinc-100"
            >
              {example.label}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
