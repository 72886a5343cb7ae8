/** A database enum's value (`WRONG_ANSWER`) as the API, the pages and the export name it (`wrong_answer`). */
export const lower = <T extends string>(value: T) => value.toLowerCase() as Lowercase<T>;
