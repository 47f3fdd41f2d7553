// What to tell a person about a failed request. The server's messages for refusals of the
// workflow and of permissions are Japanese already; a few codes carry an English message meant
// for programs (not found, fastify's own refusals, a bug's request id), which become Japanese
// here.
import type { ApiError } from "./client.ts";

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

export function errorText(error: ApiError): string {
  switch (error.code) {
    case "validation_error":
      return JAPANESE.test(error.message)
        ? error.message
        : `入力内容に問題があります（${error.fields.length}件）。`;
    case "not_found":
      return "見つかりません。削除されたか、見る権限がありません。";
    case "payload_too_large":
      return "送る内容が大きすぎます。";
    case "bad_request":
      return "送った内容をサーバーが読み取れませんでした。";
    case "internal_error":
      return `サーバーで問題が発生しました。時間をおいてもう一度お試しください（${error.message}）。`;
    default:
      if (JAPANESE.test(error.message)) return error.message;
      return `処理できませんでした（${error.status} ${error.code}）。`;
  }
}
