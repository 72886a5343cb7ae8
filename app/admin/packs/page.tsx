import type { Metadata } from "next";
import { BackLink } from "@/components/admin/back-link";
import { requireAdmin } from "@/lib/auth/session";
import { unpackedSources, listPacks } from "@/lib/data/packs";
import { PackList, PackUpload } from "@/components/admin/pack-manager";

export const metadata: Metadata = { title: "Content packs · Admin" };

export default async function AdminPacksPage() {
  await requireAdmin();
  const [packs, unpacked] = await Promise.all([listPacks(), unpackedSources()]);
  const builtIn = packs.filter((p) => p.builtIn);
  const installed = packs.filter((p) => !p.builtIn);
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
      <section aria-labelledby="built-in" className="space-y-3">
        <h2 id="built-in" className="text-lg font-semibold">
          Built in
        </h2>
        <p className="max-w-prose text-sm text-slate-700 dark:text-slate-300">
          The content Mockroom ships with (<code>seed/packs.json</code>), updated by <code>npm run seed</code> when a
          new version is deployed. Disabling one archives its questions until it is enabled again.
        </p>
        <PackList packs={builtIn} empty="No built-in pack is recorded: run npm run seed." />
        <div className="space-y-1 text-sm">
          {unpacked.length ? (
            <p>
              In no pack:{" "}
              {unpacked.map((s, i) => (
                <span key={s.source}>
                  {i ? ", " : ""}
                  <code>{s.source}</code> ({s.live} live {s.live === 1 ? "question" : "questions"})
                </span>
              ))}
              .
            </p>
          ) : null}
          <p>
            <a href="/api/admin/export" download className="text-brand-700 underline dark:text-brand-100">
              Download the whole bank as a pack
            </a>{" "}
            (to move it to another Mockroom; <code>npm run content -- export DIR</code> writes it as <code>seed/</code>{" "}
            files).
          </p>
        </div>
      </section>
      <section aria-labelledby="installed" className="space-y-3">
        <h2 id="installed" className="text-lg font-semibold">
          Installed packs
        </h2>
        <PackList packs={installed} empty="No pack installed yet." />
        <PackUpload />
      </section>
    </div>
  );
}
