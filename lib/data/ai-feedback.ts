import "server-only";
// Optional AI feedback and follow-ups (issue #25): on an ended interview's answer or a practice answer's latest
// saved text, a model's verdict per key point with quoted evidence, what is missing, a better sentence and one
// follow-up question; the user answers the follow-up and gets feedback on that, as a thread. Stored with the
// model's name; shown beside the rubric's score, never instead of it. One request at a time per user and a daily
// cap (429 with Retry-After); a model failure is a 503 to retry, and never blocks anything else.
import { db } from "../db/client";
import { AppError } from "../http/errors";
import type { Prisma } from "../generated/prisma/client";
import { readEnv } from "../config";
import { aiFeedbackSchema, type AiFeedbackOutput, type FeedbackSubject } from "../ai/feedback";
import { askForFeedback } from "../ai/model";
import { notSetUp, withAiBudget } from "./ai-budget";
import { loadInterview, notFound as interviewNotFound } from "./interviews";
import { questionNotFound } from "./notes";

export type FeedbackTarget =
  { kind: "interview"; interviewId: string; questionId: string } | { kind: "practice"; slug: string };

export type FeedbackView = {
  id: string;
  parentId: string | null;
  asked: string;
  answer: string;
  output: AiFeedbackOutput;
  model: string;
  createdAt: string;
};

const FOLLOW_UPS_PER_THREAD = 10;

function view(row: {
  id: string;
  parentId: string | null;
  asked: string;
  answer: string;
  output: Prisma.JsonValue;
  model: string;
  createdAt: Date;
}): FeedbackView {
  return {
    id: row.id,
    parentId: row.parentId,
    asked: row.asked,
    answer: row.answer,
    output: aiFeedbackSchema.parse(row.output),
    model: row.model,
    createdAt: row.createdAt.toISOString(),
  };
}

const ask = (userId: string, subject: FeedbackSubject) => withAiBudget(userId, () => askForFeedback(subject));

const questionFields = { title: true, prompt: true, modelAnswer: true, keyPoints: true, kind: true } as const;

function subjectOf(
  question: { title: string; prompt: string; modelAnswer: string; keyPoints: string[] },
  answer: string,
): FeedbackSubject {
  const asked =
    question.prompt.trim() === question.title.trim() ? question.title : `${question.title}\n\n${question.prompt}`;
  return { asked, keyPoints: question.keyPoints, modelAnswer: question.modelAnswer, answer };
}

/** The answer feedback is asked on: 404 for someone else's, 409 while the interview runs, 400 for nothing to judge. */
async function answerOf(userId: string, target: FeedbackTarget) {
  if (target.kind === "interview") {
    const interview = await loadInterview(userId, target.interviewId, new Date());
    const answer = interview.questions.find((q) => q.questionId === target.questionId);
    if (!answer) throw interviewNotFound();
    if (interview.status === "IN_PROGRESS")
      throw new AppError("CONFLICT", "AI feedback comes in the review, once the interview has ended.");
    const question = await db().question.findUniqueOrThrow({
      where: { id: target.questionId },
      select: questionFields,
    });
    return { owner: { interviewQuestionId: answer.id }, question, text: answer.content };
  }
  const question = await db().question.findFirst({
    where: { slug: target.slug },
    select: { id: true, ...questionFields },
  });
  if (!question) throw questionNotFound();
  const practice = await db().practiceAnswer.findUnique({
    where: { userId_questionId: { userId, questionId: question.id } },
    select: { id: true, versions: { orderBy: { number: "desc" }, take: 1, select: { content: true } } },
  });
  const text = practice?.versions[0]?.content ?? "";
  if (!practice) throw new AppError("VALIDATION", "Save your answer first: feedback is on the saved answer.");
  return { owner: { practiceAnswerId: practice.id }, question, text };
}

export async function requestFeedback(userId: string, target: FeedbackTarget): Promise<FeedbackView> {
  if (!readEnv().AI_BASE_URL) throw notSetUp();
  const { owner, question, text } = await answerOf(userId, target);
  if (question.kind === "CODING") throw new AppError("VALIDATION", "AI feedback is for written answers.");
  if (!text.trim()) throw new AppError("VALIDATION", "There is no answer to give feedback on: save one first.");
  const subject = subjectOf(question, text);
  const { output, model } = await ask(userId, subject);
  return view(
    await db().aiFeedback.create({
      data: { userId, ...owner, asked: subject.asked, answer: text, output, model },
    }),
  );
}

/** Feedback on the user's answer to a follow-up question the model asked (the thread goes on from there). */
export async function answerFollowUp(userId: string, feedbackId: string, answer: string): Promise<FeedbackView> {
  if (!readEnv().AI_BASE_URL) throw notSetUp();
  const parent = await db().aiFeedback.findFirst({ where: { id: feedbackId, userId } });
  if (!parent) throw new AppError("NOT_FOUND", "No such feedback.");
  const thread = await db().aiFeedback.count({
    where: { userId, interviewQuestionId: parent.interviewQuestionId, practiceAnswerId: parent.practiceAnswerId },
  });
  if (thread > FOLLOW_UPS_PER_THREAD)
    throw new AppError(
      "VALIDATION",
      `A thread holds ${FOLLOW_UPS_PER_THREAD} follow-ups; start again from a new answer.`,
    );
  let root = parent;
  while (root.parentId) root = await db().aiFeedback.findFirstOrThrow({ where: { id: root.parentId, userId } });
  const question = parent.interviewQuestionId
    ? (
        await db().interviewQuestion.findUniqueOrThrow({
          where: { id: parent.interviewQuestionId },
          select: { question: { select: { modelAnswer: true } } },
        })
      ).question
    : (
        await db().practiceAnswer.findUniqueOrThrow({
          where: { id: parent.practiceAnswerId! },
          select: { question: { select: { modelAnswer: true } } },
        })
      ).question;
  const asked = aiFeedbackSchema.parse(parent.output).followUp;
  const subject: FeedbackSubject = {
    asked,
    context: root.asked,
    keyPoints: [],
    modelAnswer: question.modelAnswer,
    answer,
  };
  const { output, model } = await ask(userId, subject);
  return view(
    await db().aiFeedback.create({
      data: {
        userId,
        interviewQuestionId: parent.interviewQuestionId,
        practiceAnswerId: parent.practiceAnswerId,
        parentId: parent.id,
        asked,
        answer,
        output,
        model,
      },
    }),
  );
}

/** The feedback threads of an interview's answers (oldest first), by question id: for the review. */
export async function interviewFeedback(userId: string, interviewId: string): Promise<Record<string, FeedbackView[]>> {
  const rows = await db().aiFeedback.findMany({
    where: { userId, interviewQuestion: { interviewId, interview: { userId } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { interviewQuestion: { select: { questionId: true } } },
  });
  const threads: Record<string, FeedbackView[]> = {};
  for (const row of rows) (threads[row.interviewQuestion!.questionId] ??= []).push(view(row));
  return threads;
}

/** The practice answer's feedback thread (oldest first), for the question page. */
export async function practiceFeedback(userId: string, slug: string): Promise<FeedbackView[]> {
  const rows = await db().aiFeedback.findMany({
    where: { userId, practiceAnswer: { userId, question: { slug } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 50,
  });
  return rows.map(view);
}
