// Who hears of a comment, written in the comment's transaction: everyone who wrote in the
// thread it answers, everyone it names as @username (who may see the manifesto), and — for a
// new thread opened by a reviewer from outside the department — the department's editors
// and heads, whose manifesto it is about.
import type { Db } from "../../db/repositories/municipalities.ts";
import { threadAuthors, userIdsByUsernames } from "../../db/repositories/notifications.ts";
import {
  commentMessage,
  type ManifestoRef,
  mentionsIn,
} from "../../domain/notifications/messages.ts";
import { DEPARTMENT_ROLES, ROLES } from "../../domain/roles.ts";
import { namesOfActors } from "../workflow/actor-names.ts";
import { enqueueNotification, userIdOfActor } from "./enqueue.ts";

export async function notifyComment(
  tx: Db,
  input: {
    actor: string;
    actorIsOfDepartment: boolean;
    comment: { id: number; parentId: number | null; goalNumber: number | null; body: string };
    manifesto: ManifestoRef & { municipalityCode: string; departmentId: number };
  },
): Promise<void> {
  const { manifesto, comment } = input;
  const actorName = (await namesOfActors(tx, [input.actor])).get(input.actor) ?? "担当者";
  const message = commentMessage(manifesto, actorName, {
    ...comment,
    isReply: comment.parentId !== null,
  });
  const named = new Set<number>();
  if (comment.parentId !== null) {
    for (const actor of await threadAuthors(tx, comment.parentId)) {
      const id = userIdOfActor(actor);
      if (id !== undefined) named.add(id);
    }
  }
  const mentions = mentionsIn(comment.body);
  for (const id of await userIdsByUsernames(tx, manifesto.municipalityCode, mentions))
    named.add(id);
  const except = userIdOfActor(input.actor);
  const eventKey = `comment:${comment.id}`;
  // Department roles of other departments cannot see this manifesto: they are never told.
  const others = ROLES.filter((r) => !DEPARTMENT_ROLES.includes(r));
  if (named.size > 0) {
    const ids = [...named];
    await enqueueNotification(
      tx,
      "comment",
      {
        municipalityCode: manifesto.municipalityCode,
        roles: others,
        userIds: ids,
        exceptUserId: except,
      },
      message,
      eventKey,
    );
    await enqueueNotification(
      tx,
      "comment",
      {
        municipalityCode: manifesto.municipalityCode,
        departmentId: manifesto.departmentId,
        roles: DEPARTMENT_ROLES,
        userIds: ids,
        exceptUserId: except,
      },
      message,
      eventKey,
    );
  }
  if (comment.parentId === null && !input.actorIsOfDepartment) {
    await enqueueNotification(
      tx,
      "comment",
      {
        municipalityCode: manifesto.municipalityCode,
        departmentId: manifesto.departmentId,
        roles: DEPARTMENT_ROLES,
        exceptUserId: except,
      },
      message,
      eventKey,
    );
  }
}
