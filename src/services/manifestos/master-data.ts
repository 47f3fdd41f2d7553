// A document's municipality and department are copies of the master data (the
// municipalities and departments tables): when a document is stored, its names and codes are
// taken from there, and nothing a document says is ever written back. A draft therefore
// cannot rename the city on the public portal, take over another department's address, or
// confirm a department rename through a public URL.
//
// Imports must name what is registered, exactly; the operator's `tassei import` may also
// create a municipality or department that does not exist yet ("create-missing"), so that a
// fresh installation can be filled from files, but never renames one that does.
import {
  type DepartmentRow,
  departmentForDocument,
  departmentNameForYear,
  findAddressClash,
  findNamedDepartment,
  insertDepartment,
  listDepartmentsOf,
} from "../../db/repositories/departments.ts";
import {
  type Db,
  findMunicipality,
  type MunicipalityRow,
  upsertMunicipality,
} from "../../db/repositories/municipalities.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import type { Problem } from "../../domain/manifesto/validate.ts";
import { comparisonKey } from "../../domain/text.ts";
import { ValidationError } from "../../errors.ts";

/** "registered": the staff workspace and the API. "create-missing": the operator's import. */
export type MasterDataMode = "registered" | "create-missing";

interface Found {
  municipality: MunicipalityRow | undefined;
  department: DepartmentRow | undefined;
  /** The department's name in the document's fiscal year, when it exists. */
  departmentName: string | undefined;
  problems: Problem[];
}

function codeOf(doc: ManifestoDocument): string | null {
  return doc.department.code ? doc.department.code : null;
}

const MAX_LISTED = 30;

async function registeredDepartments(db: Db, municipalityCode: string): Promise<string> {
  const all = await listDepartmentsOf(db, municipalityCode);
  if (all.length === 0) return "この自治体には登録されている部局がありません";
  const names = all.slice(0, MAX_LISTED).map((d) => (d.code ? `${d.name}（${d.code}）` : d.name));
  return `登録されている部局: ${names.join("、")}${all.length > MAX_LISTED ? " ほか" : ""}`;
}

async function lookUp(db: Db, doc: ManifestoDocument, mode: MasterDataMode): Promise<Found> {
  const problems: Problem[] = [];
  const code = doc.municipality.code;
  const municipality = await findMunicipality(db, code);
  if (!municipality) {
    if (mode === "registered") {
      problems.push({
        path: "municipality.code",
        message: `団体コード ${code} の自治体は登録されていません（管理者が先に自治体を登録します）`,
      });
    }
    return { municipality, department: undefined, departmentName: undefined, problems };
  }
  if (doc.municipality.name !== municipality.name) {
    problems.push({
      path: "municipality.name",
      message: `登録されている団体名は「${municipality.name}」です（文書では「${doc.municipality.name}」）`,
    });
  }
  const prefecture = doc.municipality.prefecture;
  if (municipality.prefecture && prefecture && prefecture !== municipality.prefecture) {
    problems.push({
      path: "municipality.prefecture",
      message: `登録されている都道府県名は「${municipality.prefecture}」です（文書では「${prefecture}」）`,
    });
  }
  const departmentCode = codeOf(doc);
  const department = await findNamedDepartment(db, code, {
    code: departmentCode ?? undefined,
    nameKey: comparisonKey(doc.department.name),
  });
  if (!department) {
    if (mode === "registered") {
      const named = departmentCode
        ? `「${doc.department.name}」（部局コード ${departmentCode}）`
        : `「${doc.department.name}」`;
      problems.push({
        path: departmentCode ? "department.code" : "department.name",
        message: `部局${named}は登録されていません。${await registeredDepartments(db, code)}`,
      });
    } else {
      problems.push(...(await clashesOfNew(db, code, doc)));
    }
    return { municipality, department, departmentName: undefined, problems };
  }
  const departmentName = await departmentNameForYear(db, department.id, doc.fiscalYear);
  if (doc.department.name !== departmentName) {
    problems.push({
      path: "department.name",
      message: `登録されている部局名は「${departmentName}」です（文書では「${doc.department.name}」）`,
    });
  }
  if (departmentCode !== null && departmentCode !== department.code) {
    problems.push({
      path: "department.code",
      message:
        department.code === null
          ? `「${departmentName}」には部局コードが登録されていません（文書では「${departmentCode}」）`
          : `「${departmentName}」の登録されている部局コードは「${department.code}」です（文書では「${departmentCode}」）`,
    });
  }
  return { municipality, department, departmentName, problems };
}

/** A department about to be created may not take an address another one answers to. */
async function clashesOfNew(db: Db, municipalityCode: string, doc: ManifestoDocument) {
  const code = codeOf(doc);
  const clash = await findAddressClash(db, municipalityCode, {
    name: doc.department.name,
    nameKey: comparisonKey(doc.department.name),
    code,
    codeKey: code === null ? null : comparisonKey(code),
  });
  if (!clash) return [];
  return [
    {
      path: code === null ? "department.name" : "department.code",
      message: `登録されている部局「${clash.name}」${clash.code ? `（部局コード ${clash.code}）` : ""}と公開ページのアドレスが重なります`,
    },
  ];
}

/** The registered department a document names (by its code, else by its name), if any. */
export async function findRegisteredDepartment(
  db: Db,
  doc: ManifestoDocument,
): Promise<DepartmentRow | undefined> {
  const code = codeOf(doc);
  return findNamedDepartment(db, doc.municipality.code, {
    code: code ?? undefined,
    nameKey: comparisonKey(doc.department.name),
  });
}

/** What an import would be refused for, without writing anything (a first pass over files). */
export async function masterDataProblems(
  db: Db,
  doc: ManifestoDocument,
  mode: MasterDataMode,
): Promise<Problem[]> {
  return (await lookUp(db, doc, mode)).problems;
}

export interface FittedImport {
  doc: ManifestoDocument;
  departmentId: number;
  createdMunicipality: boolean;
  createdDepartment: boolean;
}

function refused(problems: Problem[]): ValidationError {
  return new ValidationError("文書の自治体・部局が登録されている内容と違います", problems);
}

/**
 * Inside the import's transaction: the document checked against the master data (refused
 * when it names anything differently), and in "create-missing" mode the municipality and
 * department created when they do not exist.
 */
export async function fitImport(
  tx: Db,
  doc: ManifestoDocument,
  mode: MasterDataMode,
): Promise<FittedImport> {
  const found = await lookUp(tx, doc, mode);
  if (found.problems.length > 0) throw refused(found.problems);
  const createdMunicipality = found.municipality === undefined;
  if (createdMunicipality) await upsertMunicipality(tx, doc.municipality);
  let departmentId = found.department?.id;
  if (departmentId === undefined) {
    const problems = await clashesOfNew(tx, doc.municipality.code, doc);
    if (problems.length > 0) throw refused(problems);
    departmentId = await insertDepartment(tx, {
      municipalityCode: doc.municipality.code,
      code: codeOf(doc),
      name: doc.department.name,
      nameKey: comparisonKey(doc.department.name),
    });
  }
  const fitted = await fitDocument(tx, doc, departmentId);
  return {
    doc: fitted,
    departmentId,
    createdMunicipality,
    createdDepartment: found.department === undefined,
  };
}

/**
 * The document as it is stored for this department: the municipality's and department's
 * names and codes from the master data, whatever the document said. A code or prefecture
 * the document leaves out stays out (so a document that matches comes back key for key).
 */
export async function fitDocument(
  db: Db,
  doc: ManifestoDocument,
  departmentId: number,
): Promise<ManifestoDocument> {
  const found = await departmentForDocument(db, {
    municipalityCode: doc.municipality.code,
    departmentId,
    fiscalYear: doc.fiscalYear,
  });
  const municipality = found?.municipality;
  if (!found || !municipality) {
    throw new Error(`master data missing for ${doc.municipality.code}/${departmentId}`);
  }
  const department = { code: found.code };
  const name = found.nameInYear;
  const m = { ...doc.municipality, name: municipality.name };
  if (m.prefecture !== undefined && municipality.prefecture) m.prefecture = municipality.prefecture;
  const d = { ...doc.department, name };
  if (department.code === null) {
    // "" says "no code" as well as a missing key does; anything else is not this department's.
    if (d.code) delete d.code;
  } else if (d.code !== undefined) {
    d.code = department.code;
  }
  return { ...doc, municipality: m, department: d };
}
