// Any /api path no route serves: 404 in the API's JSON error shape (Next would answer with its HTML page).
import { apiRoute } from "@/lib/http/api";
import { AppError } from "@/lib/http/errors";

const notFound = apiRoute(async () => {
  throw new AppError("NOT_FOUND", "There is no API endpoint at this path. The reference is at /api/openapi.json.");
});

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
