import type { Vote } from './vote';

// Battle ids to battle numbers. An open-addressing table on the id's FNV hash (which the
// bootstrap needs anyway): a Map<string, number> took 50–70 ms for 100,000 ids here, this ~10.
// Per battle it keeps its first vote's index, in a typed array sized once: growing a JS array
// of 100,000 entries stalled the thread for up to ~6 ms at a time.

export class BattleIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly hashes: Uint32Array;
  /** Per battle, the index of its first vote. */
  readonly firstVote: Int32Array;
  size = 0;

  constructor(private readonly votes: readonly Vote[]) {
    let slots = 16;
    while (slots < votes.length * 2) slots *= 2;
    this.slots = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
    this.hashes = new Uint32Array(votes.length);
    this.firstVote = new Int32Array(votes.length);
  }

  /** The battle of vote `vote`, whose battle id hashes to `hash`; a new id gets the next number. */
  numberOf(vote: number, hash: number): number {
    const id = (this.votes[vote] as Vote).battleId;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const battle = this.slots[slot] as number;
      if (battle === -1) {
        this.slots[slot] = this.size;
        this.hashes[this.size] = hash;
        this.firstVote[this.size] = vote;
        this.size += 1;
        return this.size - 1;
      }
      if (
        this.hashes[battle] === hash &&
        (this.votes[this.firstVote[battle] as number] as Vote).battleId === id
      ) {
        return battle;
      }
    }
  }
}
