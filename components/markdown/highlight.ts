import { createLowlight } from 'lowlight';
import { companions, grammars } from './grammars';

type Lowlight = ReturnType<typeof createLowlight>;

let core: Lowlight | null = null;
const registered = new Map<string, Promise<void>>();

function register(lowlight: Lowlight, name: string): Promise<void> {
  let done = registered.get(name);
  if (!done) {
    const load = grammars[name];
    done = load
      ? load().then((module) => lowlight.register({ [name]: module.default }))
      : Promise.resolve();
    registered.set(name, done);
  }
  return done;
}

/** Lowlight with `name` (and what it embeds) registered. */
export async function loadGrammar(name: string): Promise<Lowlight> {
  core ??= createLowlight();
  const lowlight = core;
  await Promise.all([name, ...(companions[name] ?? [])].map((each) => register(lowlight, each)));
  return lowlight;
}
