import type { InterviewSummary } from "@/lib/schemas/interviews";
import { percent } from "./format";
import { LocalTime } from "@/components/ui/local-time";

/** Scores over time as a small SVG line chart, with the same data as a table for screen readers. */
export function ScoreChart({ interviews }: { interviews: InterviewSummary[] }) {
  const points = interviews.filter((i) => i.score !== null).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  if (points.length < 2) return null;
  const width = 600;
  const height = 160;
  const x = (i: number) => 30 + (i * (width - 50)) / (points.length - 1);
  const y = (score: number) => 10 + (1 - score) * (height - 30);
  const path = points.map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(p.score!).toFixed(1)}`).join(" ");
  return (
    <figure className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <figcaption className="text-sm font-semibold">Key point coverage over time</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="mt-2 w-full" aria-hidden="true">
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line x1={30} x2={width - 20} y1={y(v)} y2={y(v)} className="stroke-slate-200 dark:stroke-slate-800" />
            <text x={0} y={y(v) + 4} className="fill-slate-500 text-[10px]">
              {percent(v)}
            </text>
          </g>
        ))}
        <path d={path} fill="none" className="stroke-brand-500" strokeWidth={2} />
        {points.map((p, i) => (
          <circle key={p.id} cx={x(i)} cy={y(p.score!)} r={3.5} className="fill-brand-600" />
        ))}
      </svg>
      <table className="sr-only">
        <caption>Coverage by interview, oldest first</caption>
        <tbody>
          {points.map((p) => (
            <tr key={p.id}>
              <td>{p.title}</td>
              <td>
                <LocalTime value={p.startedAt} show="date" />
              </td>
              <td>{percent(p.score!)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
