/**
 * At most `places` tasks at once; the others wait their turn, first come first served. For work that runs off the
 * event loop on a shared resource (libuv's threadpool, the cores), where letting everyone in at once only slows
 * everyone down and leaves nothing for the rest.
 */
export class Semaphore {
  private occupees = 0;
  private readonly file: (() => void)[] = [];

  constructor(readonly places: number) {
    if (!Number.isInteger(places) || places < 1) throw new RangeError(`Semaphore : ${places} places`);
  }

  /** Tasks waiting for a place (for checks and metrics). */
  get enAttente(): number {
    return this.file.length;
  }

  async executer<T>(tache: () => Promise<T>): Promise<T> {
    if (this.occupees < this.places) this.occupees++;
    // The place is handed over by the task that leaves it, so nobody arriving meanwhile can take it first.
    else await new Promise<void>((entrer) => this.file.push(entrer));
    try {
      return await tache();
    } finally {
      const suivant = this.file.shift();
      if (suivant) suivant();
      else this.occupees--;
    }
  }
}
