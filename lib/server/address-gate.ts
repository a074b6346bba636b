// How many sign-in attempts from one address may be in progress at once, in this process.
//
// Why: an address's failures are counted when a password turns out wrong, so without a limit
// a burst of attempts sent together would all pass the address's check before the first one
// failed, and could try far more usernames than the address's ceiling allows. Counting them
// up front instead would pause a whole office whose people sign in at the same moment.
// So attempts wait (they are never refused here) while as many are in progress as the
// address has failures left: the address can never overshoot, and right passwords only queue.
interface Gate {
  /** Attempts holding this gate, waiting or in progress; at 0 the gate is dropped. */
  users: number;
  inProgress: number;
  waiting: Array<() => void>;
}

const gates = new Map<string, Gate>();

/**
 * Reads how many attempts may be in progress and hands that number to `decide`, which must see
 * every failure of an attempt that has left the gate (throttle.ts reads again when one landed
 * during its read); resolves to what `decide` answered.
 */
export type RoomCheck = (decide: (free: number) => boolean) => Promise<boolean>;

/**
 * Waits for a place among the attempts from `key`; `room` says how many may be in progress
 * (read again after each wait, as failures come in). Returns the function that leaves.
 * With no room at all the attempt goes ahead at once, to be refused by the pause in force.
 */
export async function enterAddressGate(key: string, room: RoomCheck): Promise<() => void> {
  let gate = gates.get(key);
  if (gate === undefined) {
    gate = { users: 0, inProgress: 0, waiting: [] };
    gates.set(key, gate);
  }
  const own = gate;
  own.users += 1;
  const drop = (): void => {
    own.users -= 1;
    if (own.users === 0) gates.delete(key);
  };
  const enter = (free: number): boolean => {
    if (free > 0 && own.inProgress >= free) return false;
    own.inProgress += 1;
    return true;
  };
  try {
    while (!(await room(enter))) {
      await new Promise<void>((resolve) => own.waiting.push(resolve));
    }
  } catch (error) {
    drop();
    throw error;
  }
  let left = false;
  return () => {
    if (left) return;
    left = true;
    own.inProgress -= 1;
    drop();
    for (const wake of own.waiting.splice(0)) wake();
  };
}
