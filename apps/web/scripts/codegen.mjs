#!/usr/bin/env node
// Generates src/graphql/generated.ts from the API's emitted schema (apps/api/schema.gql) and the
// operations in src/graphql/*.graphql: result and variables types per operation, the enums and
// input types they use, and one typed document per operation.
//
//   node scripts/codegen.mjs            write src/graphql/generated.ts
//   node scripts/codegen.mjs --check    exit 1 when generated.ts is stale or an operation is invalid
//   --schema <file>                     use another schema file
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Kind,
  visit,
  buildSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  print,
  typeFromAST,
  validate,
} from 'graphql';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const operationsDir = join(webDir, 'src/graphql');
const outFile = join(operationsDir, 'generated.ts');

/** TypeScript types for the built-in and the API's custom scalars (custom ones arrive as JSON strings). */
const SCALARS = {
  ID: 'string',
  String: 'string',
  Boolean: 'boolean',
  Int: 'number',
  Float: 'number',
  DateTime: 'string',
  Date: 'string',
  JSON: 'unknown',
  JSONObject: 'Record<string, unknown>',
};

export class CodegenError extends Error {}

function scalarType(type) {
  return SCALARS[type.name] ?? 'string';
}

/** Generates the module text for a schema source and a list of `{ file, source }` operation files. */
export function generate(schemaSource, operationFiles) {
  const schema = buildSchema(schemaSource);
  const enums = new Set();
  const inputs = new Set();
  const blocks = [];

  const document = {
    kind: Kind.DOCUMENT,
    definitions: operationFiles.flatMap(({ file, source }) => {
      const doc = parse(source, { noLocation: false });
      for (const def of doc.definitions) {
        if (def.kind !== Kind.OPERATION_DEFINITION && def.kind !== Kind.FRAGMENT_DEFINITION) {
          throw new CodegenError(`${file}: only operations and fragments are supported (found ${def.kind})`);
        }
        if (!def.name) throw new CodegenError(`${file}: every operation needs a name`);
      }
      return doc.definitions;
    }),
  };
  const errors = validate(schema, document);
  if (errors.length > 0) throw new CodegenError(`operations do not match the schema:\n${errors.map((e) => `  - ${e.message}`).join('\n')}`);

  function outputType(type, selectionSet, indent) {
    if (isNonNullType(type)) return outputInner(type.ofType, selectionSet, indent);
    return `${outputInner(type, selectionSet, indent)} | null`;
  }
  function outputInner(type, selectionSet, indent) {
    if (isListType(type)) {
      return `Array<${outputType(type.ofType, selectionSet, indent)}>`;
    }
    if (isScalarType(type)) return scalarType(type);
    if (isEnumType(type)) {
      enums.add(type.name);
      return type.name;
    }
    if (isObjectType(type)) return selectionType(type, selectionSet, indent);
    throw new CodegenError(`abstract type ${type.name} is not supported by this generator`);
  }
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  /** The fields of a selection set with named fragment spreads (on the same type) put in place. */
  function flatten(selectionSet) {
    return selectionSet.selections.flatMap((selection) => {
      if (selection.kind === Kind.FIELD) return [selection];
      if (selection.kind === Kind.FRAGMENT_SPREAD) return flatten(fragments.get(selection.name.value).selectionSet);
      throw new CodegenError('inline fragments are not supported by this generator');
    });
  }
  /** Names of the fragments a definition uses, directly or through other fragments. */
  function usedFragments(selectionSet, found = new Set()) {
    visit(selectionSet, {
      FragmentSpread(node) {
        if (found.has(node.name.value)) return;
        found.add(node.name.value);
        usedFragments(fragments.get(node.name.value).selectionSet, found);
      },
    });
    return found;
  }
  function selectionType(parent, selectionSet, indent) {
    const pad = '  '.repeat(indent + 1);
    const lines = [];
    const seen = new Set();
    for (const selection of flatten(selectionSet)) {
      const seenKey = selection.alias?.value ?? selection.name.value;
      if (seen.has(seenKey)) continue;
      seen.add(seenKey);
      const key = selection.alias?.value ?? selection.name.value;
      if (selection.name.value === '__typename') {
        lines.push(`${pad}${key}: '${parent.name}';`);
        continue;
      }
      const field = parent.getFields()[selection.name.value];
      lines.push(`${pad}${key}: ${outputType(field.type, selection.selectionSet, indent + 1)};`);
    }
    return `{\n${lines.join('\n')}\n${'  '.repeat(indent)}}`;
  }
  function inputType(type) {
    if (isNonNullType(type)) return inputInner(type.ofType);
    return `${inputInner(type)} | null`;
  }
  function inputInner(type) {
    if (isListType(type)) return `Array<${inputType(type.ofType)}>`;
    if (isScalarType(type)) return scalarType(type);
    if (isEnumType(type)) {
      enums.add(type.name);
      return type.name;
    }
    if (isInputObjectType(type)) {
      if (!inputs.has(type.name)) {
        inputs.add(type.name);
        for (const field of Object.values(type.getFields())) inputType(field.type);
      }
      return type.name;
    }
    throw new CodegenError(`unsupported input type ${String(type)}`);
  }
  function describe(description, pad = '') {
    return description ? `${pad}/** ${description.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '';
  }

  for (const fragment of fragments.values()) {
    const name = fragment.name.value;
    const type = schema.getType(fragment.typeCondition.name.value);
    blocks.push(`export type ${name}Fragment = ${selectionType(type, fragment.selectionSet, 0)};`);
  }

  for (const op of document.definitions) {
    if (op.kind !== Kind.OPERATION_DEFINITION) continue;
    const name = op.name.value;
    const suffix = op.operation === 'query' ? 'Query' : op.operation === 'mutation' ? 'Mutation' : 'Subscription';
    const root = schema.getRootType(op.operation);
    const varLines = (op.variableDefinitions ?? []).map((v) => {
      const type = typeFromAST(schema, v.type);
      const optional = !isNonNullType(type) || v.defaultValue !== undefined;
      return `  ${v.variable.name.value}${optional ? '?' : ''}: ${inputType(type)};`;
    });
    const variables = varLines.length > 0 ? `{\n${varLines.join('\n')}\n}` : 'Record<string, never>';
    blocks.push(
      `export type ${name}${suffix}Variables = ${variables};\n\n` +
        `export type ${name}${suffix} = ${selectionType(root, op.selectionSet, 0)};\n\n` +
        `export const ${name}Document: TypedDocument<${name}${suffix}, ${name}${suffix}Variables> = {\n` +
        `  operationName: ${JSON.stringify(name)},\n` +
        `  source: ${JSON.stringify([print(op), ...[...usedFragments(op.selectionSet)].sort().map((f) => print(fragments.get(f)))].join('\n\n'))},\n` +
        `};`,
    );
  }

  // Input types can reference enums found while walking them, so emit enums last-collected-first-sorted.
  const inputBlocks = [...inputs].sort().map((name) => {
    const type = schema.getType(name);
    const fields = Object.values(type.getFields()).map((f) => {
      const optional = !isNonNullType(f.type) || f.defaultValue !== undefined;
      return `${describe(f.description, '  ')}  ${f.name}${optional ? '?' : ''}: ${inputType(f.type)};`;
    });
    return `${describe(type.description)}export interface ${name} {\n${fields.join('\n')}\n}`;
  });
  const enumBlocks = [...enums].sort().map((name) => {
    const type = schema.getType(name);
    const values = type.getValues().map((v) => v.name);
    return (
      `${describe(type.description)}export type ${name} = ${values.map((v) => `'${v}'`).join(' | ')};\n` +
      `export const ${name}Values: readonly ${name}[] = [${values.map((v) => `'${v}'`).join(', ')}];`
    );
  });

  return [
    '// Generated by scripts/codegen.mjs from apps/api/schema.gql and src/graphql/*.graphql. Do not edit:',
    '// change the .graphql files (or the API) and run `npm run codegen -w @amicus/web`.',
    "import type { TypedDocument } from './client';",
    '',
    ...[...enumBlocks, ...inputBlocks, ...blocks].flatMap((b) => [b, '']),
  ].join('\n');
}

function readOperations() {
  return readdirSync(operationsDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => ({ file: relative(webDir, join(operationsDir, f)), source: readFileSync(join(operationsDir, f), 'utf8') }));
}

function main(argv) {
  const check = argv.includes('--check');
  const schemaArg = argv.indexOf('--schema');
  const schemaFile = schemaArg >= 0 ? resolve(argv[schemaArg + 1]) : resolve(webDir, '../api/schema.gql');
  if (!existsSync(schemaFile)) {
    console.error(`codegen: schema not found at ${schemaFile} (\`npm run schema -w @amicus/api\` writes it)`);
    return 1;
  }
  let output;
  try {
    output = generate(readFileSync(schemaFile, 'utf8'), readOperations());
  } catch (error) {
    if (error instanceof CodegenError || error?.name === 'GraphQLError') {
      console.error(`codegen: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
  if (check) {
    if (current !== output) {
      console.error('codegen: src/graphql/generated.ts is stale; run `npm run codegen -w @amicus/web` and commit the result');
      return 1;
    }
    console.log('codegen: src/graphql/generated.ts is up to date');
    return 0;
  }
  if (current !== output) writeFileSync(outFile, output);
  console.log(`codegen: wrote ${relative(webDir, outFile)}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
