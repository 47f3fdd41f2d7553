// The frame of an administration page about one municipality's master data: its title, the
// municipality chooser for an installation administrator who has not picked one, the
// sub-navigation, and the master data loaded (with its loading and error states).
import type { ReactNode } from "react";
import { useApi } from "../../api/use-api.ts";
import { LoadState } from "../../components/load-state.tsx";
import { usePageTitle } from "../../components/page-title.tsx";
import { AdminNav, MunicipalityChooser, useAdminMunicipality } from "./admin-parts.tsx";
import { adminPath, type MasterData } from "./admin-types.ts";

export function MasterDataPage({
  title,
  path,
  children,
}: {
  title: string;
  /** The page's own address, where the chooser leads back to. */
  path: string;
  children: (data: MasterData, reload: () => void) => ReactNode;
}) {
  usePageTitle(title);
  const code = useAdminMunicipality();
  const loaded = useApi<MasterData>(code === null ? null : adminPath(code));
  return (
    <>
      <h1>{title}</h1>
      {code === null ? (
        <MunicipalityChooser to={path} />
      ) : (
        <>
          <AdminNav />
          <LoadState loaded={loaded}>{(data) => children(data, loaded.reload)}</LoadState>
        </>
      )}
    </>
  );
}
