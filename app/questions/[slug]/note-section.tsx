// The signed-in user's private note on the question.
import { NoteEditor } from "@/components/notes/note-editor";
import type { NoteView } from "@/lib/schemas/notes";

export function NoteSection({ slug, note }: { slug: string; note: NoteView | null }) {
  return (
    <section aria-labelledby="note" className="space-y-3">
      <h2 id="note" className="text-lg font-semibold">
        Your note
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Private to you. Markdown works; it saves as you type.
      </p>
      <NoteEditor slug={slug} initial={note} />
    </section>
  );
}
