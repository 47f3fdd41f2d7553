import { expect, it } from "vitest";
import { nextTurn } from "./loop-turns.ts";

/** Records one "tick" per event-loop iteration until stopped. */
function everyIteration(order: string[]): () => void {
  let running = true;
  const tick = () => {
    order.push("tick");
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return () => {
    running = false;
  };
}

it("lets callers continue one per loop iteration, in the order they asked", async () => {
  const order: string[] = [];
  const turns = [1, 2, 3].map((n) => nextTurn().then(() => order.push(`turn ${n}`)));
  const stop = everyIteration(order);
  await Promise.all(turns);
  stop();
  // Without turns all three would continue before the loop's first iteration ended.
  expect(order.slice(0, 5)).toEqual(["turn 1", "tick", "turn 2", "tick", "turn 3"]);
});

it("is idle again once every caller has had its turn", async () => {
  const order: string[] = [];
  await nextTurn();
  const stop = everyIteration(order);
  await nextTurn().then(() => order.push("later caller"));
  stop();
  // Its turn comes in the first iteration, after what the loop had queued before it.
  expect(order.slice(0, 2)).toEqual(["tick", "later caller"]);
});
