// Why a file (a guide, a pack) cannot be taken in: the server's message and its list of problems.
export function ProblemsAlert({ error, problems }: { error: string | null; problems: string[] | null }) {
  if (!error) return null;
  return (
    <div
      role="alert"
      className="space-y-2 rounded-md border border-rose-300 bg-rose-50 p-3 text-sm dark:border-rose-800 dark:bg-rose-950"
    >
      <p className="font-medium">{error}</p>
      {problems?.length ? (
        <ul className="list-disc space-y-1 pl-5">
          {problems.map((problem, i) => (
            <li key={i}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
