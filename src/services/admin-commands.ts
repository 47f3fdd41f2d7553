// The administrative commands of `tassei` as one table of use cases taking JSON input: the
// command runs one of these on the database it opens, or — when a running server holds the
// embedded database — asks that server to run the same one (src/server/admin-socket.ts).
// Either way the same service does the work, under the command's own actor.
import { municipalityInput, optionalMunicipalityInput } from "./admin-input.ts";
import type { ServiceContext } from "./context.ts";
import { importManifestoFiles } from "./import-manifesto-files.ts";
import { getPlanStructure, importPlanStructure } from "./import-plan-structure.ts";
import { municipalityValidateOptions } from "./municipality-validate-options.ts";
import { showMunicipality } from "./show-municipality.ts";
import { updateMunicipality } from "./update-municipality-settings.ts";
import { createUser } from "./users/create-user.ts";
import { listStaffUsers } from "./users/list-users.ts";
import { setUserPassword } from "./users/set-password.ts";

export const ADMIN_COMMANDS = {
  // What a command reads goes the same way as what it writes: an administrator who changed a
  // setting while the server runs can look at it without stopping the server.
  "municipality show": (ctx: ServiceContext, input: unknown) => showMunicipality(ctx, input),
  "plan show": (ctx: ServiceContext, input: unknown) =>
    getPlanStructure(ctx, municipalityInput(input)),
  "user list": (ctx: ServiceContext, input: unknown) => {
    const code = optionalMunicipalityInput(input);
    return listStaffUsers(ctx, code === undefined ? {} : { municipalityCode: code });
  },
  "municipality set": (ctx: ServiceContext, input: unknown) => updateMunicipality(ctx, input),
  "municipality validate-options": (ctx: ServiceContext, input: unknown) =>
    municipalityValidateOptions(ctx, input),
  "plan import": (ctx: ServiceContext, input: unknown) =>
    importPlanStructure(ctx, input as Parameters<typeof importPlanStructure>[1]),
  "user add": (ctx: ServiceContext, input: unknown) =>
    createUser(ctx, input as Parameters<typeof createUser>[1]),
  "user set-password": (ctx: ServiceContext, input: unknown) =>
    setUserPassword(ctx, input as Parameters<typeof setUserPassword>[1]),
  import: (ctx: ServiceContext, input: unknown) =>
    importManifestoFiles(ctx, input as Parameters<typeof importManifestoFiles>[1]),
} as const;

export type AdminCommand = keyof typeof ADMIN_COMMANDS;
export type AdminResult<C extends AdminCommand> = Awaited<ReturnType<(typeof ADMIN_COMMANDS)[C]>>;

export function isAdminCommand(name: string): name is AdminCommand {
  return Object.hasOwn(ADMIN_COMMANDS, name);
}
