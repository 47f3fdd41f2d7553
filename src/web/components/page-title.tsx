import { useEffect } from "react";

/** Sets the document title the way every staff page names itself: 「… | Tassei 職員用」. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} | Tassei 職員用`;
  }, [title]);
}
