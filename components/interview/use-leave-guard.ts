"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";

/** Where the user was going when the room asked: a link's address, or a history entry (Back, Forward). */
export type Leaving = { href: string } | { historyKey: string };

type NavigateEvent = Event & {
  navigationType: string;
  cancelable: boolean;
  destination: { url: string; key: string };
};
type Navigation = EventTarget & { traverseTo(key: string): unknown };

const isReloadKey = (event: KeyboardEvent) =>
  event.key === "F5" || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "r");

/**
 * While `active` (a running strict interview), leaving the room asks first, since the clock keeps running:
 * - a link (the site header's, or any other) opens the room's dialog (`leaving`), then `leave()` or `stay()`;
 * - Back and Forward within the app (the Navigation API's cancelable traversals) do the same;
 * - closing the tab, typing an address or leaving the site gets the browser's own "Leave site?" (beforeunload;
 *   browsers show their own words there, not ours).
 * A reload does not ask when it comes from the keyboard (F5, Ctrl+R, Cmd+R): the page sees the key before the
 * browser reloads. The browser's reload button cannot be told apart from leaving, so there it asks as on leaving.
 */
export function useLeaveGuard(active: boolean) {
  const router = useRouter();
  const [leaving, setLeaving] = useState<Leaving | null>(null);
  const allowed = useRef(false);
  const reloading = useRef(false);

  useEffect(() => {
    if (!active) return;
    const here = () => window.location.pathname;
    let reloadTimer: ReturnType<typeof setTimeout> | undefined;

    const onKeyDown = (event: KeyboardEvent) => {
      if (!isReloadKey(event)) return;
      reloading.current = true;
      clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => (reloading.current = false), 1_000);
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (allowed.current || reloading.current) return;
      event.preventDefault();
      event.returnValue = ""; // older Chromium needs it set
    };
    // Capture on window runs before React's listener on the document, so Next's <Link> never sees the click.
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      if (event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (
        !(link instanceof HTMLAnchorElement) ||
        (link.target && link.target !== "_self") ||
        link.hasAttribute("download")
      )
        return;
      const url = new URL(link.href, window.location.href);
      if (url.origin === window.location.origin && url.pathname === here()) return; // a fragment on this page
      event.preventDefault();
      event.stopPropagation();
      setLeaving({ href: url.origin === window.location.origin ? url.pathname + url.search + url.hash : url.href });
    };
    const navigation = (window as unknown as { navigation?: Navigation }).navigation;
    const onNavigate = (event: Event) => {
      const nav = event as NavigateEvent;
      if (allowed.current || nav.navigationType !== "traverse" || !nav.cancelable) return;
      if (new URL(nav.destination.url).pathname === here()) return;
      nav.preventDefault();
      setLeaving({ historyKey: nav.destination.key });
    };

    window.addEventListener("keydown", onKeyDown, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClick, true);
    navigation?.addEventListener("navigate", onNavigate);
    return () => {
      clearTimeout(reloadTimer);
      window.removeEventListener("keydown", onKeyDown, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("click", onClick, true);
      navigation?.removeEventListener("navigate", onNavigate);
    };
  }, [active]);

  const stay = useCallback(() => setLeaving(null), []);
  const leave = useCallback(() => {
    if (!leaving) return;
    allowed.current = true;
    setLeaving(null);
    if ("historyKey" in leaving)
      (window as unknown as { navigation: Navigation }).navigation.traverseTo(leaving.historyKey);
    else if (/^https?:/.test(leaving.href)) window.location.assign(leaving.href);
    else router.push(leaving.href);
  }, [leaving, router]);

  return { leaving, stay, leave };
}
