export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <span className="sr-only">Loading questions…</span>
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="h-20 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-900" aria-hidden="true" />
      ))}
    </div>
  );
}
