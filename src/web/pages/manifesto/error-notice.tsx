import type { ApiError } from "../../api/client.ts";
import { errorText } from "../../api/error-text.ts";

/** A failed load, in Japanese, with a way to try again. */
export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry(): void }) {
  return (
    <div className="alert alert-error" role="alert">
      <p>{errorText(error)}</p>
      {error.code !== "not_found" && error.code !== "forbidden" && (
        <button type="button" onClick={onRetry}>
          もう一度読み込む
        </button>
      )}
    </div>
  );
}
