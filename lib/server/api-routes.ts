// The route table of lib/server/api-router.ts: every app/api/**/route.ts, at the path its folder names in
// Next's notation. The router serves every HTTP method a module exports (tests/unit/api-router.test.ts fails
// when a route file is missing here or listed at another path). Kept by hand, sorted by path, one line each.
import type { ApiRoute } from "./api-router";
import * as all_path from "../../app/api/[...path]/route";
import * as admin_export from "../../app/api/admin/export/route";
import * as admin_formats_by_slug_revisions_by_number_restore from "../../app/api/admin/formats/[slug]/revisions/[number]/restore/route";
import * as admin_formats_by_slug from "../../app/api/admin/formats/[slug]/route";
import * as admin_import from "../../app/api/admin/import/route";
import * as admin_packs_by_name from "../../app/api/admin/packs/[name]/route";
import * as admin_packs from "../../app/api/admin/packs/route";
import * as admin_questions_by_slug_archive from "../../app/api/admin/questions/[slug]/archive/route";
import * as admin_questions_by_slug_problem from "../../app/api/admin/questions/[slug]/problem/route";
import * as admin_questions_by_slug_revisions_by_number_restore from "../../app/api/admin/questions/[slug]/revisions/[number]/restore/route";
import * as admin_questions_by_slug from "../../app/api/admin/questions/[slug]/route";
import * as admin_questions from "../../app/api/admin/questions/route";
import * as admin_topics_by_slug_revisions_by_number_restore from "../../app/api/admin/topics/[slug]/revisions/[number]/restore/route";
import * as admin_topics_by_slug from "../../app/api/admin/topics/[slug]/route";
import * as admin_topics from "../../app/api/admin/topics/route";
import * as admin_reports_by_id from "../../app/api/admin/reports/[id]/route";
import * as admin_reports from "../../app/api/admin/reports/route";
import * as ai_tailor from "../../app/api/ai/tailor/route";
import * as auth_all_nextauth from "../../app/api/auth/[...nextauth]/route";
import * as auth_forgot_password from "../../app/api/auth/forgot-password/route";
import * as auth_register from "../../app/api/auth/register/route";
import * as auth_reset_password from "../../app/api/auth/reset-password/route";
import * as bookmarks from "../../app/api/bookmarks/route";
import * as companies_by_slug from "../../app/api/companies/[slug]/route";
import * as companies from "../../app/api/companies/route";
import * as feedback_by_id_follow_up from "../../app/api/feedback/[id]/follow-up/route";
import * as health from "../../app/api/health/route";
import * as interviews_by_id_abandon from "../../app/api/interviews/[id]/abandon/route";
import * as interviews_by_id_answers_by_questionId_flag from "../../app/api/interviews/[id]/answers/[questionId]/flag/route";
import * as interviews_by_id_answers_by_questionId_rating from "../../app/api/interviews/[id]/answers/[questionId]/rating/route";
import * as interviews_by_id_answers_by_questionId_feedback from "../../app/api/interviews/[id]/answers/[questionId]/feedback/route";
import * as interviews_by_id_answers_by_questionId_recording from "../../app/api/interviews/[id]/answers/[questionId]/recording/route";
import * as interviews_by_id_answers_by_questionId from "../../app/api/interviews/[id]/answers/[questionId]/route";
import * as interviews_by_id_answers_by_questionId_tests from "../../app/api/interviews/[id]/answers/[questionId]/tests/route";
import * as interviews_by_id_current from "../../app/api/interviews/[id]/current/route";
import * as interviews_by_id_finish from "../../app/api/interviews/[id]/finish/route";
import * as interviews_by_id from "../../app/api/interviews/[id]/route";
import * as interviews_by_id_tests from "../../app/api/interviews/[id]/tests/route";
import * as interviews from "../../app/api/interviews/route";
import * as me_export from "../../app/api/me/export/route";
import * as me_import from "../../app/api/me/import/route";
import * as me_password from "../../app/api/me/password/route";
import * as me from "../../app/api/me/route";
import * as me_sessions from "../../app/api/me/sessions/route";
import * as notes from "../../app/api/notes/route";
import * as openapi_json from "../../app/api/openapi.json/route";
import * as ping from "../../app/api/ping/route";
import * as questions_by_slug_bookmark from "../../app/api/questions/[slug]/bookmark/route";
import * as questions_by_slug_note from "../../app/api/questions/[slug]/note/route";
import * as questions_by_slug_practice_rating from "../../app/api/questions/[slug]/practice/rating/route";
import * as questions_by_slug_practice_feedback from "../../app/api/questions/[slug]/practice/feedback/route";
import * as questions_by_slug_practice_recording from "../../app/api/questions/[slug]/practice/recording/route";
import * as questions_by_slug_practice from "../../app/api/questions/[slug]/practice/route";
import * as questions_by_slug_practice_versions from "../../app/api/questions/[slug]/practice/versions/route";
import * as questions_by_slug_report from "../../app/api/questions/[slug]/report/route";
import * as questions_by_slug from "../../app/api/questions/[slug]/route";
import * as questions from "../../app/api/questions/route";
import * as review_by_slug from "../../app/api/review/[slug]/route";
import * as review from "../../app/api/review/route";
import * as sets_by_id_interview from "../../app/api/sets/[id]/interview/route";
import * as sets_by_id_questions_by_slug from "../../app/api/sets/[id]/questions/[slug]/route";
import * as sets_by_id from "../../app/api/sets/[id]/route";
import * as sets from "../../app/api/sets/route";
import * as topics from "../../app/api/topics/route";
import * as transcriptions from "../../app/api/transcriptions/route";

export const API_ROUTES: ApiRoute[] = [
  { path: "/api/[...path]", module: all_path },
  { path: "/api/admin/export", module: admin_export },
  {
    path: "/api/admin/formats/[slug]/revisions/[number]/restore",
    module: admin_formats_by_slug_revisions_by_number_restore,
  },
  { path: "/api/admin/formats/[slug]", module: admin_formats_by_slug },
  // A guide of up to 5 MB: read by the handler under its own limit, not buffered here.
  { path: "/api/admin/import", module: admin_import, streamBody: true },
  { path: "/api/admin/packs/[name]", module: admin_packs_by_name },
  // A pack file of up to 10 MB: read by the handler under its own limit, not buffered here.
  { path: "/api/admin/packs", module: admin_packs, streamBody: true },
  { path: "/api/admin/questions/[slug]/archive", module: admin_questions_by_slug_archive },
  { path: "/api/admin/questions/[slug]/problem", module: admin_questions_by_slug_problem },
  {
    path: "/api/admin/questions/[slug]/revisions/[number]/restore",
    module: admin_questions_by_slug_revisions_by_number_restore,
  },
  { path: "/api/admin/questions/[slug]", module: admin_questions_by_slug },
  { path: "/api/admin/questions", module: admin_questions },
  { path: "/api/admin/reports/[id]", module: admin_reports_by_id },
  { path: "/api/admin/reports", module: admin_reports },
  {
    path: "/api/admin/topics/[slug]/revisions/[number]/restore",
    module: admin_topics_by_slug_revisions_by_number_restore,
  },
  { path: "/api/admin/topics/[slug]", module: admin_topics_by_slug },
  { path: "/api/admin/topics", module: admin_topics },
  { path: "/api/ai/tailor", module: ai_tailor },
  { path: "/api/auth/[...nextauth]", module: auth_all_nextauth },
  { path: "/api/auth/forgot-password", module: auth_forgot_password },
  { path: "/api/auth/register", module: auth_register },
  { path: "/api/auth/reset-password", module: auth_reset_password },
  { path: "/api/bookmarks", module: bookmarks },
  { path: "/api/companies/[slug]", module: companies_by_slug },
  { path: "/api/companies", module: companies },
  { path: "/api/feedback/[id]/follow-up", module: feedback_by_id_follow_up },
  { path: "/api/health", module: health },
  { path: "/api/interviews/[id]/abandon", module: interviews_by_id_abandon },
  { path: "/api/interviews/[id]/answers/[questionId]/flag", module: interviews_by_id_answers_by_questionId_flag },
  { path: "/api/interviews/[id]/answers/[questionId]/rating", module: interviews_by_id_answers_by_questionId_rating },
  {
    path: "/api/interviews/[id]/answers/[questionId]/feedback",
    module: interviews_by_id_answers_by_questionId_feedback,
  },
  // A recording of up to 4 MB: read by the handler under its own limit, not buffered here.
  {
    path: "/api/interviews/[id]/answers/[questionId]/recording",
    module: interviews_by_id_answers_by_questionId_recording,
    streamBody: true,
  },
  { path: "/api/interviews/[id]/answers/[questionId]", module: interviews_by_id_answers_by_questionId },
  { path: "/api/interviews/[id]/answers/[questionId]/tests", module: interviews_by_id_answers_by_questionId_tests },
  { path: "/api/interviews/[id]/current", module: interviews_by_id_current },
  { path: "/api/interviews/[id]/finish", module: interviews_by_id_finish },
  { path: "/api/interviews/[id]", module: interviews_by_id },
  { path: "/api/interviews/[id]/tests", module: interviews_by_id_tests },
  { path: "/api/interviews", module: interviews },
  { path: "/api/me/export", module: me_export },
  // Streams its body into the importer (larger than any other, never held whole): not read ahead here.
  { path: "/api/me/import", module: me_import, streamBody: true },
  { path: "/api/me/password", module: me_password },
  { path: "/api/me", module: me },
  { path: "/api/me/sessions", module: me_sessions },
  { path: "/api/notes", module: notes },
  { path: "/api/openapi.json", module: openapi_json },
  { path: "/api/ping", module: ping },
  { path: "/api/questions/[slug]/bookmark", module: questions_by_slug_bookmark },
  { path: "/api/questions/[slug]/note", module: questions_by_slug_note },
  { path: "/api/questions/[slug]/practice/rating", module: questions_by_slug_practice_rating },
  { path: "/api/questions/[slug]/practice/feedback", module: questions_by_slug_practice_feedback },
  // A recording of up to 4 MB: read by the handler under its own limit, not buffered here.
  { path: "/api/questions/[slug]/practice/recording", module: questions_by_slug_practice_recording, streamBody: true },
  { path: "/api/questions/[slug]/practice", module: questions_by_slug_practice },
  { path: "/api/questions/[slug]/practice/versions", module: questions_by_slug_practice_versions },
  { path: "/api/questions/[slug]/report", module: questions_by_slug_report },
  { path: "/api/questions/[slug]", module: questions_by_slug },
  { path: "/api/questions", module: questions },
  { path: "/api/review/[slug]", module: review_by_slug },
  { path: "/api/review", module: review },
  { path: "/api/sets/[id]/interview", module: sets_by_id_interview },
  { path: "/api/sets/[id]/questions/[slug]", module: sets_by_id_questions_by_slug },
  { path: "/api/sets/[id]", module: sets_by_id },
  { path: "/api/sets", module: sets },
  { path: "/api/topics", module: topics },
  // A recording of up to 4 MB: read by the handler under its own limit, not buffered here.
  { path: "/api/transcriptions", module: transcriptions, streamBody: true },
];
