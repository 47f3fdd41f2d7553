// Callers continue one per event-loop iteration, in the order they asked.
//
// libuv accepts one new connection per loop iteration (libuv/libuv#3696, in Node since
// libuv 1.45), and an iteration lasts as long as all the JavaScript its ready events start.
// When many answers from the database arrive together, rendering each of them in the same
// iteration made a browser that had just connected wait one such round per connection ahead
// of it. Continuing each answer in a turn of its own keeps iterations short, so new
// connections are accepted, and their requests read, while the others are being served.
const waiting: (() => void)[] = [];
let scheduled = false;

/** Resolves in a later loop iteration, after those who asked before, each in its own. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(releaseOne);
    }
  });
}

function releaseOne(): void {
  waiting.shift()?.();
  // Scheduled from inside the check phase, this runs in the next iteration, after its poll.
  if (waiting.length > 0) setImmediate(releaseOne);
  else scheduled = false;
}
