import Link from "next/link";

/** The admin page's way back up: "Admin", "Questions", "Interview formats". */
export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <p className="text-sm">
      <Link href={href} className="text-brand-700 hover:underline dark:text-brand-100">
        {children}
      </Link>
    </p>
  );
}
