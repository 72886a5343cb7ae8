import type { Metadata } from "next";
import { BackLink } from "@/components/admin/back-link";
import { requireAdmin } from "@/lib/auth/session";
import { builtInSources, listPacks } from "@/lib/data/packs";
import { PackManager } from "@/components/admin/pack-manager";

export const metadata: Metadata = { title: "Content packs · Admin" };

export default async function AdminPacksPage() {
  await requireAdmin();
  const [packs, builtIn] = await Promise.all([listPacks(), builtInSources()]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <BackLink href="/admin">Admin</BackLink>
        <h1 className="text-2xl font-semibold">Content packs</h1>
        <p className="max-w-prose text-sm text-slate-700 dark:text-slate-300">
          A pack is one JSON file of topics, questions with their rubrics, coding problems and interview formats (its
          schema is <code>ContentPack</code> in <code>/api/openapi.json</code>; see <code>docs/packs.md</code>). It adds
          to the bank and never changes what is already there; disabling it archives its questions, which stay readable
          in users’ history.
        </p>
      </div>
      <section aria-labelledby="built-in" className="space-y-2 text-sm">
        <h2 id="built-in" className="text-lg font-semibold">
          Built in
        </h2>
        <ul className="list-disc pl-5">
          {builtIn.map((s) => (
            <li key={s.source}>
              <code>{s.source}</code>: {s.live} live questions
            </li>
          ))}
        </ul>
        <p>
          <a href="/api/admin/export" download className="text-brand-700 underline dark:text-brand-100">
            Download the whole bank as a pack
          </a>{" "}
          (to move it to another Mockroom; <code>npm run content -- export DIR</code> writes it as <code>seed/</code>{" "}
          files).
        </p>
      </section>
      <section aria-labelledby="installed" className="space-y-3">
        <h2 id="installed" className="text-lg font-semibold">
          Installed packs
        </h2>
        <PackManager packs={packs} />
      </section>
    </div>
  );
}
