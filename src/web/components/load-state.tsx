// What a page shows while its data loads or when loading failed.
import type { ReactNode } from "react";
import type { Loaded } from "../api/use-api.ts";

export function LoadState<T>({
  loaded,
  children,
}: {
  loaded: Loaded<T>;
  children: (data: T) => ReactNode;
}) {
  if (loaded.error) {
    return (
      <div className="alert alert-error" role="alert">
        <p>{loaded.error.message}</p>
        <button type="button" onClick={loaded.reload}>
          もう一度読み込む
        </button>
      </div>
    );
  }
  if (loaded.data === null) {
    return (
      <p className="loading" role="status">
        読み込んでいます…
      </p>
    );
  }
  return <>{children(loaded.data)}</>;
}
