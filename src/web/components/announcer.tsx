// The one place the staff app speaks through live regions (WCAG 4.1.3) outside dialogs and
// form errors: a polite and an assertive region, fed by a queue, so that two messages never
// land in the same instant (a screen reader may drop one of them) and each has time to be
// read. Messages about typing come only once typing has settled (useSettledAnnouncement).
import { useEffect, useRef, useState } from "react";

interface Message {
  text: string;
  urgent: boolean;
}

/** How long a message stays in its region before the next one may be written. */
const HOLD_MS = 1500;
/** How long typing must pause before what it changed is announced. */
export const SETTLE_MS = 1500;

const queue: Message[] = [];
let showing: Message | null = null;
let listener: ((m: Message | null) => void) | null = null;

function next(): void {
  showing = queue.shift() ?? null;
  listener?.(showing);
  if (showing) window.setTimeout(next, HOLD_MS);
}

/** Says `text` once the messages before it have been said; `urgent` for what stops the
 * person's work (a save that failed), which the assertive region carries. */
export function announce(text: string, urgent = false): void {
  if (queue.some((m) => m.text === text) || showing?.text === text) return;
  queue.push({ text, urgent });
  if (!showing) next();
}

export function Announcer() {
  const [message, setMessage] = useState<Message | null>(showing);
  useEffect(() => {
    listener = setMessage;
    return () => {
      listener = null;
    };
  }, []);
  return (
    <div className="announcer" data-announcer>
      <p className="visually-hidden" aria-live="polite">
        {message && !message.urgent ? message.text : ""}
      </p>
      <p className="visually-hidden" aria-live="assertive">
        {message?.urgent ? message.text : ""}
      </p>
    </div>
  );
}

/**
 * Announces `text` when it has stayed the same for SETTLE_MS after a change: what typing
 * changed is said once, after the pause, not at every keystroke. Not on first showing (the
 * page was just opened), nor when it is empty.
 */
export function useSettledAnnouncement(text: string): void {
  const said = useRef(text);
  useEffect(() => {
    if (text === said.current) return;
    const timer = window.setTimeout(() => {
      said.current = text;
      if (text) announce(text);
    }, SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
}
