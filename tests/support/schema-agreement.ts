// Compares the Prisma schema (its DMMF, from Prisma's own schema engine compiled to WebAssembly) with
// what the migrations actually built in PostgreSQL. Returns one readable line per disagreement.
import { createRequire } from "node:module";
import pg from "pg";

const require = createRequire(import.meta.url);
const wasm = require("@prisma/prisma-schema-wasm") as { get_dmmf: (params: string) => string };

type Field = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type Model = { name: string; dbName: string | null; fields: Field[] };
type Index = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string }[];
  dbName?: string | null;
};
type Dmmf = { datamodel: { models: Model[]; enums: { name: string; values: { name: string }[] }[]; indexes: Index[] } };

export function dmmfOf(schema: string): Dmmf {
  const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))) as Dmmf;
  // The DMMF leaves out Unsupported("…") fields (e.g. tsvector); read them from the schema text.
  for (const block of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const model = dmmf.datamodel.models.find((m) => m.name === block[1]);
    for (const field of block[2]!.matchAll(/^\s+(\w+)\s+Unsupported\("(\w+)"\)(\?)?/gm)) {
      model?.fields.push({
        name: field[1]!,
        kind: "unsupported",
        type: field[2]!,
        isList: false,
        isRequired: field[3] !== "?",
        hasDefaultValue: false,
        nativeType: [field[2]!, []],
      });
    }
  }
  return dmmf;
}

const scalarTypes: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Float: "float8",
  Decimal: "numeric",
  Boolean: "bool",
  DateTime: "timestamp",
  Json: "jsonb",
  Bytes: "bytea",
};
const nativeTypes: Record<string, string> = {
  Uuid: "uuid",
  VarChar: "varchar",
  Char: "bpchar",
  Text: "text",
  Timestamptz: "timestamptz",
  Timestamp: "timestamp",
  Date: "date",
  Integer: "int4",
  SmallInt: "int2",
  BigInt: "int8",
  DoublePrecision: "float8",
  Real: "float4",
  JsonB: "jsonb",
  Json: "json",
  Citext: "citext",
  Inet: "inet",
  Decimal: "numeric",
  Boolean: "bool",
};

function expectedUdt(field: Field): string {
  const base =
    field.kind === "enum"
      ? field.type
      : field.nativeType
        ? (nativeTypes[field.nativeType[0]] ?? field.nativeType[0].toLowerCase())
        : (scalarTypes[field.type] ?? field.type);
  return field.isList ? `_${base}` : base;
}

/** Whether PostgreSQL's column default matches the schema's @default (null: no default in the database). */
function defaultMatches(field: Field, actual: string | null): boolean {
  const d = field.default as { name?: string } | string | number | boolean | undefined;
  if (
    !field.hasDefaultValue ||
    (typeof d === "object" && d && ["uuid", "cuid", "nanoid", "ulid"].includes(d.name ?? ""))
  ) {
    return actual === null;
  }
  if (actual === null) return false;
  if (typeof d === "object" && d?.name === "now") return /CURRENT_TIMESTAMP|now\(\)/i.test(actual);
  if (typeof d === "object" && d?.name === "autoincrement") return actual.startsWith("nextval(");
  if (typeof d === "object" && d?.name === "dbgenerated") return true;
  // A list's @default([]) is PostgreSQL's ARRAY[]::text[] (or '{}'::text[]).
  if (Array.isArray(d) && d.length === 0) return /^(ARRAY\[\]|'\{\}')::[\w"]+\[\]$/.test(actual);
  return actual.replace(/::[\w"]+(\[\])?$/, "").replace(/^'(.*)'$/, "$1") === String(d);
}

type Catalog = {
  columns: { table: string; column: string; udt: string; nullable: boolean; default: string | null }[];
  indexes: { table: string; columns: string[]; unique: boolean; primary: boolean }[];
  foreignKeys: { table: string; columns: string[]; refTable: string; onDelete: string }[];
  enums: { name: string; values: string[] }[];
};

export async function readCatalog(url: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `select table_name as table, column_name as column, udt_name as udt, is_nullable = 'YES' as nullable, column_default as default
       from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations'`,
    );
    const indexes = await client.query(
      `select t.relname as table, ix.indisunique as unique, ix.indisprimary as primary,
              array(select a.attname from unnest(ix.indkey) with ordinality k(attnum, n)
                    join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.n)::text[] as columns
       from pg_index ix join pg_class t on t.oid = ix.indrelid join pg_namespace s on s.oid = t.relnamespace
       where s.nspname = 'public' and t.relname <> '_prisma_migrations'`,
    );
    const foreignKeys = await client.query(
      `select c.conrelid::regclass::text as table, c.confrelid::regclass::text as "refTable", c.confdeltype as "onDelete",
              array(select a.attname from unnest(c.conkey) with ordinality k(attnum, n)
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n)::text[] as columns
       from pg_constraint c join pg_namespace s on s.oid = c.connamespace where c.contype = 'f' and s.nspname = 'public'`,
    );
    const enums = await client.query(
      `select t.typname as name, array_agg(e.enumlabel order by e.enumsortorder)::text[] as values
       from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname`,
    );
    const unquote = (name: string) => name.replace(/^"(.*)"$/, "$1");
    return {
      columns: columns.rows,
      indexes: indexes.rows,
      foreignKeys: foreignKeys.rows.map((r) => ({ ...r, table: unquote(r.table), refTable: unquote(r.refTable) })),
      enums: enums.rows,
    };
  } finally {
    await client.end();
  }
}

const onDeleteCodes: Record<string, string> = {
  Cascade: "c",
  Restrict: "r",
  NoAction: "a",
  SetNull: "n",
  SetDefault: "d",
};
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function compareSchema(dmmf: Dmmf, catalog: Catalog): string[] {
  const problems: string[] = [];
  const models = dmmf.datamodel.models;
  const tableOf = (model: string) => models.find((m) => m.name === model)?.dbName ?? model;
  const columnOf = (model: string, field: string) =>
    models.find((m) => m.name === model)?.fields.find((f) => f.name === field)?.dbName ?? field;

  for (const model of models) {
    const table = model.dbName ?? model.name;
    const actualColumns = catalog.columns.filter((c) => c.table === table);
    if (!actualColumns.length) {
      problems.push(`table ${table} (model ${model.name}) does not exist`);
      continue;
    }
    const expected = model.fields.filter((f) => f.kind !== "object");
    for (const field of expected) {
      const name = field.dbName ?? field.name;
      const column = actualColumns.find((c) => c.column === name);
      if (!column) {
        problems.push(`column ${table}.${name} is missing`);
        continue;
      }
      if (column.udt !== expectedUdt(field))
        problems.push(`column ${table}.${name} has type ${column.udt}, schema says ${expectedUdt(field)}`);
      // Prisma creates list columns without NOT NULL whatever the schema says.
      if (!field.isList && column.nullable === field.isRequired)
        problems.push(
          `column ${table}.${name} is ${column.nullable ? "nullable" : "NOT NULL"}, schema says ${field.isRequired ? "required" : "optional"}`,
        );
      if (!defaultMatches(field, column.default))
        problems.push(
          `column ${table}.${name} has default ${column.default ?? "none"}, schema says ${JSON.stringify(field.default ?? null)}`,
        );
    }
    for (const column of actualColumns) {
      if (!expected.some((f) => (f.dbName ?? f.name) === column.column))
        problems.push(`column ${table}.${column.column} is not in the schema`);
    }
    for (const field of model.fields.filter((f) => f.kind === "object" && f.relationFromFields?.length)) {
      const columns = field.relationFromFields!.map((f) => columnOf(model.name, f));
      const fk = catalog.foreignKeys.find((k) => k.table === table && same(k.columns, columns));
      if (!fk) problems.push(`foreign key ${table}(${columns.join(", ")}) -> ${tableOf(field.type)} is missing`);
      else {
        if (fk.refTable !== tableOf(field.type))
          problems.push(
            `foreign key ${table}(${columns.join(", ")}) points at ${fk.refTable}, schema says ${tableOf(field.type)}`,
          );
        const wanted = onDeleteCodes[field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")];
        if (wanted && fk.onDelete !== wanted)
          problems.push(
            `foreign key ${table}(${columns.join(", ")}) has ON DELETE ${fk.onDelete}, schema says ${field.relationOnDelete}`,
          );
      }
    }
  }
  const knownTables = new Set(models.map((m) => m.dbName ?? m.name));
  for (const table of new Set(catalog.columns.map((c) => c.table)))
    if (!knownTables.has(table)) problems.push(`table ${table} is not in the schema`);

  for (const index of dmmf.datamodel.indexes) {
    const table = tableOf(index.model);
    const columns = index.fields.map((f) => columnOf(index.model, f.name));
    const match = catalog.indexes.find(
      (i) =>
        i.table === table &&
        same(i.columns, columns) &&
        (index.type === "id" ? i.primary : index.type === "unique" ? i.unique : true),
    );
    if (!match)
      problems.push(
        `${index.type === "id" ? "primary key" : index.type === "unique" ? "unique index" : "index"} on ${table}(${columns.join(", ")}) is missing`,
      );
  }
  for (const e of dmmf.datamodel.enums) {
    const actual = catalog.enums.find((x) => x.name === e.name);
    if (!actual) problems.push(`enum ${e.name} does not exist`);
    else if (
      !same(
        actual.values,
        e.values.map((v) => v.name),
      )
    )
      problems.push(
        `enum ${e.name} has values ${actual.values.join(", ")}, schema says ${e.values.map((v) => v.name).join(", ")}`,
      );
  }
  return problems;
}
