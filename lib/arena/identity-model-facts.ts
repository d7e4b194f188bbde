/** What the server knows of a model, read as identities: its id names it, its family its base. */
import { ALIAS_SOURCE, type Identity, identityOfAlias } from './identity-aliases';
import { mostSpecific } from './identity-claims';

export interface ModelFacts {
  /** The id the backend serves it under: 'deepseek-r1:7b', 'deepseek-reasoner', 'Qwen/Qwen2.5-7B'. */
  model: string;
  /** The architecture a backend reports (Ollama's details.family): 'qwen2', 'llama'. */
  family?: string;
}

const NAME_IN_ID = new RegExp(`(?<![a-z])(?:${ALIAS_SOURCE})`, 'g');
/** OpenAI's reasoning models name no family: 'o1', 'o3-mini', 'openai/o4-mini'. */
const OPENAI_O_SERIES = /(?<![a-z0-9])o[1-9](?![a-z0-9])/;

/** The names in a lower-case id. */
function identitiesIn(id: string): Identity[] {
  const found: Identity[] = [];
  for (const match of id.matchAll(NAME_IN_ID)) {
    const identity = identityOfAlias(match[0]);
    if (identity) found.push(identity);
  }
  return found;
}

/** What a model may truthfully claim to be, split by how sure the server is of it. */
export interface ModelIdentities {
  /** Named by its id: what a voter would call it. An R1 distill's id names DeepSeek. */
  named: Identity[];
  /**
   * What it is built on, by its architecture or its id's "Distill-…": 'deepseek-r1:7b' (family
   * 'qwen2') and 'DeepSeek-R1-Distill-Qwen-7B' are Qwen underneath.
   */
  lineage: Identity[];
}

/** "DeepSeek-R1-Distill-Qwen-7B": what follows "distill" is the base, not what a voter calls it. */
const DISTILL = /(?<![a-z])distill/;

/**
 * GGUF's "llama" architecture is shared by Mistral 7B, Yi and the first DeepSeek models, and
 * Ollama reports it as their family; it is taken to mean Meta only when the id names no other
 * maker. (So 'deepseek-r1:8b', a Llama distill, has no lineage: its id does not say Llama.
 * 'DeepSeek-R1-Distill-Llama-8B' names it.)
 */
export function identitiesOfModel(facts: ModelFacts): ModelIdentities {
  const id = facts.model.toLowerCase();
  const distill = id.search(DISTILL);
  const named = identitiesIn(distill < 0 ? id : id.slice(0, distill));
  if (OPENAI_O_SERIES.test(id)) named.push({ maker: 'openai', family: 'gpt' });
  const base = distill < 0 ? [] : identitiesIn(id.slice(distill));
  const architecture = facts.family ? identitiesIn(facts.family.toLowerCase()) : [];
  const lineage = architecture.filter(
    (identity) =>
      identity.family !== 'llama' || !named.some((other) => other.maker !== identity.maker),
  );
  return { named: mostSpecific(named), lineage: mostSpecific([...base, ...lineage]) };
}
