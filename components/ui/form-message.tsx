// The outcome of a form's action, said where the form is: an error is an alert (read at once), anything else a
// polite status.
export type Message = { text: string; error?: boolean } | null;

export function FormMessage({ message }: { message: Message }) {
  if (!message) return null;
  return (
    <p
      role={message.error ? "alert" : "status"}
      className={`text-sm ${message.error ? "text-rose-700 dark:text-rose-400" : "text-emerald-800 dark:text-emerald-300"}`}
    >
      {message.text}
    </p>
  );
}
