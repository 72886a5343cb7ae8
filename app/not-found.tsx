import { ButtonLink } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-700 dark:text-slate-300">There is nothing at this address, or it is not yours to see.</p>
      <ButtonLink href="/">Back to the start</ButtonLink>
    </div>
  );
}
