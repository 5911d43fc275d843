/**
 * The part of OData $filter the Graph security list endpoints document: `prop op value` clauses
 * joined by `and`, ops eq/ne/ge/gt/le/lt, values 'quoted' (with '' escapes), null, or an unquoted
 * ISO date-time. Only the documented properties of each endpoint may be filtered; anything else is
 * an error the fake answers with 400, like Graph.
 */

/** Properties the docs allow in $filter. */
export const FILTERABLE = {
  incidents: [
    "assignedTo",
    "classification",
    "createdDateTime",
    "determination",
    "lastUpdateDateTime",
    "severity",
    "status",
  ],
  alerts: [
    "assignedTo",
    "classification",
    "determination",
    "createdDateTime",
    "lastUpdateDateTime",
    "severity",
    "serviceSource",
    "status",
  ],
} as const;

type Op = "eq" | "ne" | "ge" | "gt" | "le" | "lt";
interface Clause {
  property: string;
  op: Op;
  value: string | null;
}

/** A predicate over a Graph object, or an error message. */
export type FilterResult = { test: (item: Record<string, unknown>) => boolean } | { error: string };

const TOKEN = /\s*('(?:[^']|'')*'|[^\s']+)/g;
const DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?(Z|[+-]\d\d:\d\d)$/;

function compare(actual: unknown, clause: Clause, dateProperty: boolean): boolean {
  if (clause.value === null) return clause.op === "eq" ? actual == null : clause.op === "ne" ? actual != null : false;
  if (actual == null) return clause.op === "ne";
  const [a, b] = dateProperty
    ? [Date.parse(String(actual)), Date.parse(clause.value)]
    : [String(actual).toLowerCase(), clause.value.toLowerCase()];
  switch (clause.op) {
    case "eq":
      return a === b;
    case "ne":
      return a !== b;
    case "ge":
      return a >= b;
    case "gt":
      return a > b;
    case "le":
      return a <= b;
    case "lt":
      return a < b;
  }
}

/** Parses a $filter for the given list of allowed properties. */
export function parseFilter(filter: string, allowed: readonly string[]): FilterResult {
  const tokens = [...filter.matchAll(TOKEN)].map((m) => m[1] ?? "");
  const clauses: Clause[] = [];
  for (let i = 0; i < tokens.length; i += 4) {
    const [property = "", op = "", raw = "", joiner] = tokens.slice(i, i + 4);
    if (!allowed.includes(property))
      return { error: `Invalid filter clause: property '${property}' is not supported for filtering.` };
    if (!["eq", "ne", "ge", "gt", "le", "lt"].includes(op))
      return { error: `Invalid filter clause: operator '${op}' is not supported.` };
    const date = property.endsWith("DateTime");
    let value: string | null;
    if (raw === "null") value = null;
    else if (raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2) {
      if (date)
        return { error: `Invalid filter clause: '${property}' compares with an unquoted DateTimeOffset literal.` };
      value = raw.slice(1, -1).replace(/''/g, "'");
    } else if (date && DATE.test(raw)) value = raw;
    else return { error: `Invalid filter clause: cannot read the value '${raw}'.` };
    if (joiner !== undefined && joiner !== "and")
      return { error: `Invalid filter clause: '${joiner}' is not supported (only 'and').` };
    if (joiner === "and" && i + 4 >= tokens.length) return { error: "Invalid filter clause: nothing after 'and'." };
    clauses.push({ property, op: op as Op, value });
  }
  if (clauses.length === 0) return { error: "Invalid filter clause: empty." };
  return { test: (item) => clauses.every((c) => compare(item[c.property], c, c.property.endsWith("DateTime"))) };
}
