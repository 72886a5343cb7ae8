"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

type Item = { href: string; label: string };

const link =
  "block rounded-md px-3 py-2.5 text-base text-slate-700 hover:bg-slate-100 aria-[current=page]:font-semibold aria-[current=page]:text-brand-700 lg:px-2 lg:py-1.5 lg:text-sm dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-[current=page]:text-brand-100";

/**
 * The site's main navigation: a row of links from 1024 px, a disclosure menu below (a button with aria-expanded
 * that opens the links under the header; Escape or a click elsewhere closes it, and Escape returns focus to the
 * button). It closes itself when a link navigates.
 */
export function MainNav({ items }: { items: readonly Item[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openedOn, setOpenedOn] = useState(pathname);
  const nav = useRef<HTMLElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  if (open && openedOn !== pathname) setOpen(false);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!nav.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  const current = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav
      ref={nav}
      aria-label="Main"
      onBlur={(event) => {
        // Tabbing out of the open menu closes it, so it does not cover the page the focus moved to.
        if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => {
          setOpen(!open);
          setOpenedOn(pathname);
        }}
        className="inline-flex h-9 items-center gap-2 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 lg:hidden dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true" className="text-lg leading-none">
          {open ? "✕" : "☰"}
        </span>
        <span className="sr-only sm:not-sr-only">Menu</span>
      </button>
      <ul
        id={listId}
        className={`${open ? "block" : "hidden"} absolute inset-x-0 top-full z-30 space-y-1 border-b border-slate-200 bg-white px-4 py-3 shadow-lg lg:static lg:flex lg:gap-1 lg:space-y-0 lg:border-0 lg:bg-transparent lg:p-0 lg:shadow-none dark:border-slate-800 dark:bg-slate-950 lg:dark:bg-transparent`}
      >
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current(item.href) ? "page" : undefined}
              onClick={() => setOpen(false)}
              className={link}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
