// The account forms' fields: a label, the control, a hint and the field's error beneath it,
// tied together by ids (aria-describedby, aria-invalid) so a screen reader reads them.
import type { ReactNode } from "react";
import { ROLE_LABELS, ROLES, type Role } from "../../../domain/roles.ts";

export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  hint?: ReactNode;
  /** The control, given its props by the caller through `controlProps(id, error, hint)`. */
  children: ReactNode;
}) {
  return (
    <div className="account-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint account-hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** id, aria-invalid and aria-describedby for the control of a Field. */
export function controlProps(id: string, error: string | undefined, hasHint = false) {
  const described = [hasHint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described || undefined,
  } as const;
}

export function RoleOptions({ roles = ROLES }: { roles?: readonly Role[] }) {
  return (
    <>
      {roles.map((r) => (
        <option key={r} value={r}>
          {ROLE_LABELS[r]}
        </option>
      ))}
    </>
  );
}

export function DepartmentOptions({
  departments,
}: {
  departments: readonly { id: number; name: string }[];
}) {
  return (
    <>
      <option value="">（選んでください）</option>
      {departments.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name}
        </option>
      ))}
    </>
  );
}
