"use client";
// A visitor's try at a written question, without an account: a scratch answer kept only in this tab, and a
// button that opens the model answer beside it to compare.
import { useState } from "react";
import { ButtonLink, Button } from "@/components/ui/button";

export function TryAnswer({ slug, modelAnswerId }: { slug: string; modelAnswerId: string }) {
  const [text, setText] = useState("");
  function compare() {
    const panel = document.getElementById(modelAnswerId);
    if (!(panel instanceof HTMLDetailsElement)) return;
    panel.open = true;
    panel.scrollIntoView({ block: "start" });
    panel.querySelector("summary")?.focus();
  }
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <label htmlFor="try-answer" className="block text-sm font-medium">
        Your answer
      </label>
      <p id="try-answer-hint" className="text-xs text-slate-600 dark:text-slate-400">
        Answer as you would out loud, then compare with the model answer. Not saved: create a free account to keep
        versions and see which key points you covered.
      </p>
      <textarea
        id="try-answer"
        aria-describedby="try-answer-hint"
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={6}
        placeholder="Write your answer here"
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
      />
      <div className="flex flex-wrap gap-3">
        <Button type="button" onClick={compare}>
          Compare with the model answer
        </Button>
        <ButtonLink href="/sign-up" variant="secondary">
          Create a free account
        </ButtonLink>
        <ButtonLink href={`/sign-in?callbackUrl=${encodeURIComponent(`/questions/${slug}`)}`} variant="ghost">
          Sign in
        </ButtonLink>
      </div>
    </div>
  );
}
