// Reading the API's error shape { error: { code, message, fields? } } in forms.
export type ApiError = { code?: string; message: string; fields: Record<string, string> };

/** The first message of each field and the overall message of an error answer (a fallback when there is none). */
export async function apiError(response: Response | null, fallback: string): Promise<ApiError> {
  if (!response) return { message: "Could not reach Mockroom. Check your connection and try again.", fields: {} };
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; fields?: Record<string, string[]> } } | null;
  const fields = Object.fromEntries(Object.entries(body?.error?.fields ?? {}).map(([key, messages]) => [key, messages[0] ?? ""]));
  return { code: body?.error?.code, message: body?.error?.message ?? fallback, fields };
}
