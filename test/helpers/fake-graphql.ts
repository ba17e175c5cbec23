/**
 * The fake GitHub's GraphQL endpoint: a small parser and executor for the subset finetune-review
 * queries (repository objects, commit history with the file at each commit, blob text), backed by git.
 */

/** A parsed field selection. */
interface Field {
  alias: string;
  name: string;
  args: Record<string, unknown>;
  selections: Selection[];
}
type Selection = { kind: "field"; field: Field } | { kind: "fragment"; on: string; selections: Selection[] };

class GraphQLError extends Error {}

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  const re = /\s+|,|#[^\n]*|("(?:[^"\\]|\\.)*")|(\.\.\.|[{}():!$=[\]@])|(-?\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < source.length && (m = re.exec(source)) !== null) {
    const t = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (t !== undefined) tokens.push(t);
  }
  if (re.lastIndex < source.length) throw new GraphQLError(`Parse error at offset ${re.lastIndex}`);
  return tokens;
}

/** Parses one operation (`query`, optionally named, with variable definitions) into its selections. */
export function parseQuery(source: string, variables: Record<string, unknown>): Selection[] {
  const tokens = tokenize(source);
  let at = 0;
  const peek = () => tokens[at];
  const take = (want?: string) => {
    const t = tokens[at++];
    if (t === undefined || (want !== undefined && t !== want)) throw new GraphQLError(`Parse error: expected ${want ?? "a token"}, found ${t ?? "end"}`);
    return t;
  };
  const value = (): unknown => {
    const t = take();
    if (t === "$") {
      const name = take();
      return variables[name] ?? null;
    }
    if (t.startsWith('"')) return JSON.parse(t) as unknown;
    if (/^-?\d/.test(t)) return Number(t);
    if (t === "true" || t === "false") return t === "true";
    if (t === "null") return null;
    if (t === "[") {
      const list: unknown[] = [];
      while (peek() !== "]") list.push(value());
      take("]");
      return list;
    }
    return t;
  };
  const selectionSet = (): Selection[] => {
    take("{");
    const out: Selection[] = [];
    while (peek() !== "}") {
      if (peek() === "...") {
        take("...");
        take("on");
        const on = take();
        out.push({ kind: "fragment", on, selections: selectionSet() });
        continue;
      }
      let name = take();
      let alias = name;
      if (peek() === ":") {
        take(":");
        name = take();
      }
      const args: Record<string, unknown> = {};
      if (peek() === "(") {
        take("(");
        while (peek() !== ")") {
          const key = take();
          take(":");
          args[key] = value();
        }
        take(")");
      }
      out.push({ kind: "field", field: { alias, name, args, selections: peek() === "{" ? selectionSet() : [] } });
    }
    take("}");
    return out;
  };
  if (peek() === "query") {
    take("query");
    if (peek() !== "(" && peek() !== "{") take();
    if (peek() === "(") {
      // Variable definitions: their values come from `variables`.
      let depth = 0;
      do {
        const t = take();
        if (t === "(") depth++;
        if (t === ")") depth--;
      } while (depth > 0);
    }
  } else if (peek() !== "{") throw new GraphQLError(`Only queries are supported, found ${peek() ?? "nothing"}`);
  const selections = selectionSet();
  if (at !== tokens.length) throw new GraphQLError("Parse error: one operation expected");
  return selections;
}

/** A GraphQL object: its type name and how each field resolves. */
export interface GqlObject {
  __typename: string;
  resolve(field: string, args: Record<string, unknown>): Promise<unknown> | unknown;
}

function isObject(value: unknown): value is GqlObject {
  return typeof value === "object" && value !== null && "__typename" in value && "resolve" in value;
}

async function complete(value: unknown, selections: Selection[], path: string): Promise<unknown> {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return Promise.all(value.map((v, i) => complete(v, selections, `${path}.${i}`)));
  if (!isObject(value)) {
    if (selections.length) throw new GraphQLError(`Field '${path}' is a leaf and cannot have a selection`);
    return value;
  }
  const out: Record<string, unknown> = {};
  const visit = async (sels: Selection[]) => {
    for (const s of sels) {
      if (s.kind === "fragment") {
        if (s.on === value.__typename) await visit(s.selections);
        continue;
      }
      const f = s.field;
      if (f.name === "__typename") {
        out[f.alias] = value.__typename;
        continue;
      }
      const resolved = await value.resolve(f.name, f.args);
      if (resolved === undefined) throw new GraphQLError(`Field '${f.name}' doesn't exist on type '${value.__typename}'`);
      out[f.alias] = await complete(resolved, f.selections, `${path}.${f.alias}`);
    }
  };
  await visit(selections);
  return out;
}

/** Runs a query against `root`; returns GitHub's `{data}` or `{errors}` body. */
export async function executeQuery(root: GqlObject, query: unknown, variables: unknown): Promise<{ status: number; body: unknown }> {
  if (typeof query !== "string") return { status: 400, body: { message: "A query attribute must be specified and must be a string." } };
  try {
    const vars = typeof variables === "object" && variables !== null ? (variables as Record<string, unknown>) : {};
    return { status: 200, body: { data: await complete(root, parseQuery(query, vars), "query") } };
  } catch (error) {
    if (error instanceof GraphQLError) return { status: 200, body: { errors: [{ message: error.message }] } };
    throw error;
  }
}
