import { AppError } from "../../errors.ts";

export interface CurrentRevision {
  revision: number;
  updatedAt: Date;
  /** What others changed since the revision the client started from. */
  changedPaths: string[];
}

/** A save based on a revision that is no longer current: nothing was written. */
export class RevisionConflictError extends AppError {
  constructor(readonly current: CurrentRevision) {
    super(
      "conflict",
      `他の人がこのマニフェストを更新しました（現在のリビジョン ${current.revision}）。最新の内容を読み込んでから保存してください。`,
    );
    this.name = "RevisionConflictError";
  }
}
