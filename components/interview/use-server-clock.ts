"use client";

import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { serverNowAnswer } from "@/lib/schemas/responses";

/**
 * The difference between the server's clock and this browser's, in ms. Starts from the time the page
 * was rendered, then is measured once with a round trip (the server's time taken as at half the trip).
 */
export function useServerOffset(interviewId: string, renderedServerNow: string): number {
  const [offset, setOffset] = useState(() => new Date(renderedServerNow).getTime() - Date.now());
  useEffect(() => {
    let cancelled = false;
    const sentAt = Date.now();
    // Best effort: without an answer the offset from the render stays.
    void apiFetch(`/api/interviews/${interviewId}`, { cache: "no-store", schema: serverNowAnswer }).then((result) => {
      if (!result.ok || cancelled) return;
      const receivedAt = Date.now();
      setOffset(new Date(result.data.serverNow).getTime() + (receivedAt - sentAt) / 2 - receivedAt);
    });
    return () => {
      cancelled = true;
    };
  }, [interviewId]);
  return offset;
}

export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(s).padStart(2, "0");
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
