"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FinishState } from "./use-finish";

/** What finishing is doing, or why it has not happened yet and what the deadline means meanwhile. */
export function FinishStatus({ state, onRetry }: { state: FinishState; onRetry: () => void }) {
  if (state.phase === "idle") return null;
  if (state.phase === "submitting") return <Alert>{state.message}</Alert>;
  return (
    <Alert tone="error">
      <p className="font-medium">{state.message}</p>
      <p className="mt-1">{state.rules}</p>
      <Button type="button" variant="secondary" className="mt-3" onClick={onRetry}>
        Try to finish again
      </Button>
    </Alert>
  );
}
