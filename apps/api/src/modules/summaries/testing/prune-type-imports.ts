import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const IDENT = /^[A-Za-z_$][\w$]*$/;

/**
 * The child-process build compiles file by file, so it cannot tell an interface from a class: a
 * named import of an interface (used in decorator metadata) stays in the output and fails to link
 * under Node's ESM loader. This rewrites such imports, in the build under `root`, into local
 * `undefined` bindings (what the metadata of an interface-typed parameter becomes under tsc:
 * `Object`). Only relative imports of names the target module does not export are touched.
 */
export function pruneTypeOnlyImports(root: string): void {
  const memo = new Map<string, Set<string>>();

  const exportsOf = (file: string, seen = new Set<string>()): Set<string> => {
    const cached = memo.get(file);
    if (cached) return cached;
    const names = new Set<string>();
    if (seen.has(file) || !existsSync(file)) return names;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/export\s+(?:default\s+)?(?:async\s+)?(?:class|function\*?|const|let|var)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
    if (/export\s+default\b/.test(code)) names.add('default');
    for (const m of code.matchAll(/export\s*\{([^}]*)\}/g)) {
      for (const part of m[1].split(',')) {
        const pieces = part.trim().split(/\s+as\s+/);
        const exported = (pieces[1] ?? pieces[0]).trim();
        if (IDENT.test(exported)) names.add(exported);
      }
    }
    for (const m of code.matchAll(/export\s+\*\s+from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
      for (const n of exportsOf(resolve(dirname(file), m[1]), seen)) names.add(n);
    }
    memo.set(file, names);
    return names;
  };

  for (const file of listJs(root)) {
    const code = readFileSync(file, 'utf8');
    const rewritten = code.replace(/import\s*\{([^}]*)\}\s*from\s*(['"])(\.{1,2}\/[^'"]+)\2;?/g, (all: string, list: string, quote: string, spec: string) => {
      const target = resolve(dirname(file), spec);
      if (!existsSync(target)) return all;
      const available = exportsOf(target);
      const keep: string[] = [];
      const missing: string[] = [];
      for (const part of list.split(',').map((p) => p.trim()).filter(Boolean)) {
        const [imported, alias] = part.split(/\s+as\s+/).map((p) => p.trim());
        if (available.has(imported)) keep.push(part);
        else missing.push(alias ?? imported);
      }
      if (missing.length === 0) return all;
      const head = keep.length > 0 ? `import { ${keep.join(', ')} } from ${quote}${spec}${quote};` : `import ${quote}${spec}${quote};`;
      return `${head} ${missing.map((name) => `const ${name} = undefined;`).join(' ')}`;
    });
    if (rewritten !== code) writeFileSync(file, rewritten);
  }
}

function listJs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listJs(p));
    else if (entry.name.endsWith('.js')) out.push(p);
  }
  return out;
}
