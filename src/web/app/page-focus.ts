// WCAG 2.4.3 in a single-page app: after an in-app page change (and after signing in) the
// focus goes to the new page's h1, so a screen reader says where one is and Tab continues from
// there; the browser would leave it on <body> or on a link of the page that is gone. A page
// that loads its data first shows its h1 a moment later: the focus waits for it.
import { useEffect, useRef } from "react";
import { useLocation } from "react-router";

let afterSignIn = false;

/** The next page shown is the first after signing in: give its heading the focus. */
export function focusHeadingAfterSignIn(): void {
  afterSignIn = true;
}

/** Whether the person has put the focus somewhere of their own since the page changed. */
function focusIsFree(main: HTMLElement): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active === main || !main.contains(active);
}

export function focusPageHeading(main: HTMLElement): boolean {
  const heading = main.querySelector<HTMLElement>("h1");
  if (!heading) return false;
  if (!heading.hasAttribute("tabindex")) heading.tabIndex = -1;
  heading.focus({ preventScroll: false });
  return true;
}

export function useFocusOnNavigation(): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new address is a new page
  useEffect(() => {
    // The first page after loading the app keeps the browser's own start (the skip link
    // first), unless it is the first page after signing in.
    const wanted = !first.current || afterSignIn;
    first.current = false;
    afterSignIn = false;
    const main = document.getElementById("main");
    if (!wanted || !main) return;
    if (focusIsFree(main) && focusPageHeading(main)) return;
    const observer = new MutationObserver(() => {
      if (!focusIsFree(main)) return observer.disconnect();
      if (focusPageHeading(main)) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const giveUp = setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      clearTimeout(giveUp);
    };
  }, [pathname]);
}
