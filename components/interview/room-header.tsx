import type { InterviewView } from "@/lib/schemas/interviews";

export function RoomHeader({ interview }: { interview: InterviewView }) {
  return (
    <header className="min-w-0 wrap-anywhere">
      <h1 className="text-xl font-semibold">
        {interview.company ? `${interview.title} mock interview` : interview.title}
      </h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {interview.mode === "practice"
          ? "Practice: no time limit"
          : interview.mode === "extended"
            ? "Extended time"
            : "Strict: the clock does not pause"}
      </p>
    </header>
  );
}
