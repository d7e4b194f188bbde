/** One color per lineup position, the same in the grid's header, the chart and the bars. */
const PALETTE = [
  { fill: 'fill-indigo-500', bg: 'bg-indigo-500' },
  { fill: 'fill-emerald-500', bg: 'bg-emerald-500' },
  { fill: 'fill-amber-500', bg: 'bg-amber-500' },
  { fill: 'fill-rose-500', bg: 'bg-rose-500' },
  { fill: 'fill-sky-500', bg: 'bg-sky-500' },
  { fill: 'fill-violet-500', bg: 'bg-violet-500' },
] as const;

export const modelColor = (position: number) => PALETTE[position % PALETTE.length] ?? PALETTE[0];
