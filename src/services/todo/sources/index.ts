// The to-do list's sources, in the order their items are shown.
import type { TodoSource } from "../source.ts";
import { approvalSource } from "./approval.ts";
import { commentsSource } from "./comments.ts";
import { deadlineSource } from "./deadlines.ts";
import { progressReportSource } from "./progress-reports.ts";
import { returnedSource } from "./returned.ts";

export const TODO_SOURCES: readonly TodoSource[] = [
  returnedSource,
  approvalSource,
  deadlineSource,
  progressReportSource,
  commentsSource,
];
