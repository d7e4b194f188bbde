/** About five round tick values across [from, to], for a chart's axis. */
export function niceTicks(from: number, to: number): number[] {
  const raw = (to - from) / 5;
  if (!(raw > 0)) return [from];
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) ?? raw;
  const ticks: number[] = [];
  for (let tick = Math.ceil(from / step) * step; tick <= to; tick += step) {
    ticks.push(Number(tick.toPrecision(12)));
  }
  return ticks;
}
