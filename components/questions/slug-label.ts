/** Slug words as a name ("django-orm" reads "Django orm"), for a filter value no facet of the result names. */
export function slugLabel(value: string): string {
  const words = value.replace(/-/g, " ");
  return words[0]!.toUpperCase() + words.slice(1);
}
