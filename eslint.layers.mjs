// The layers of the tree, checked by ESLint (`perimeter/layers`) rather than by comments:
//   lib (pure) ← viewmodels (pure view models) ← server (server-only) and components (React) ← app (pages, routes)
//   cli uses lib only.
// An import is resolved to the folder it lands in (`@/x`, or a relative path), or to the npm package it names.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** Folders of lib/ that talk to the outside world (files, clusters, databases); the rest of lib/ is pure. */
export const ADAPTERS = ['lib/sources', 'lib/store'];

/** Node modules that do I/O: allowed in adapters (and tests), nowhere else in lib/. */
const IO_MODULES = ['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'child_process', 'dgram', 'tls', 'worker_threads', 'cluster'];
const IO_PACKAGES = ['@kubernetes/client-node', 'pg', '@electric-sql/pglite'];
const UI_PACKAGES = ['react', 'react-dom', 'next', 'cytoscape', 'cytoscape-fcose', 'server-only'];

/**
 * What each layer may import: internal top-level folders, and npm packages it must not use.
 * `components` may import server/ only from server components (files without 'use client').
 */
const LAYERS = {
  lib: { folders: ['lib'], forbiddenPackages: UI_PACKAGES },
  viewmodels: { folders: ['lib', 'viewmodels'], forbiddenPackages: [...UI_PACKAGES, ...IO_PACKAGES] },
  server: { folders: ['lib', 'viewmodels', 'server'], forbiddenPackages: ['react', 'react-dom', 'cytoscape', 'cytoscape-fcose'] },
  components: { folders: ['lib', 'viewmodels', 'components', 'server'], forbiddenPackages: IO_PACKAGES },
  'app/api': { folders: ['lib', 'viewmodels', 'server', 'app'], forbiddenPackages: ['react-dom', 'cytoscape', 'cytoscape-fcose'] },
  app: { folders: ['lib', 'viewmodels', 'components', 'server', 'app'], forbiddenPackages: IO_PACKAGES },
  cli: { folders: ['lib', 'cli'], forbiddenPackages: UI_PACKAGES },
};

const INTERNAL = ['lib', 'viewmodels', 'server', 'components', 'app', 'cli', 'scripts', 'e2e', 'test', 'demo', 'bin'];

function layerOf(file) {
  if (file.startsWith('app/api/')) return 'app/api';
  const top = file.split('/')[0];
  return top in LAYERS ? top : undefined;
}

/** The repository-relative folder path an import lands in, or `{ pkg }` for an npm package or node builtin. */
function targetOf(importer, spec) {
  if (spec.startsWith('@/')) return { file: path.posix.normalize(spec.slice(2)) };
  if (spec.startsWith('.')) return { file: path.posix.normalize(path.posix.join(path.posix.dirname(importer), spec)) };
  const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
  const parts = bare.split('/');
  const pkg = bare.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return { pkg, subpath: bare };
}

const inFolder = (file, folder) => file === folder || file.startsWith(`${folder}/`);
const isTest = (file) => /\.test\.tsx?$/.test(file) || /\.conformance\.test\.ts$/.test(file);

function violation(importer, spec, isClient) {
  const layer = layerOf(importer);
  if (!layer) return undefined;
  const rules = LAYERS[layer];
  const target = targetOf(importer, spec);
  if (target.file !== undefined) {
    const top = target.file.split('/')[0];
    if (!INTERNAL.includes(top)) return undefined;
    // Tests may drive a higher layer (conformance tests run the CLI); nothing they import ships.
    if (isTest(importer)) return undefined;
    if (!rules.folders.includes(top)) return `${layer}/ must not import from ${top}/ (layers: lib ← viewmodels ← server, components ← app; cli uses lib)`;
    if (layer === 'components' && top === 'server' && isClient) return `a 'use client' component must not import server/ (it would ship server code to the browser)`;
    return undefined;
  }
  if (rules.forbiddenPackages.includes(target.pkg)) return `${layer}/ must not import ${target.pkg}`;
  if (layer === 'lib' && !isTest(importer) && !ADAPTERS.some((a) => inFolder(importer, a))) {
    if (IO_MODULES.includes(target.subpath) || IO_MODULES.includes(target.pkg) || IO_PACKAGES.includes(target.pkg)) {
      return `lib/ is pure: ${spec} only in the adapter folders (${ADAPTERS.join(', ')}; eslint.layers.mjs ADAPTERS)`;
    }
  }
  return undefined;
}

const layersRule = {
  meta: { type: 'problem', docs: { description: 'imports follow the layers of the tree' }, schema: [] },
  create(context) {
    const importer = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const isClient = context.sourceCode.ast.body.some((n) => n.type === 'ExpressionStatement' && n.directive === 'use client');
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const message = violation(importer, source.value, isClient);
      if (message) context.report({ node, message });
    };
    return {
      Program(program) {
        // A server module imported by client code fails the build, instead of shipping server code to the browser.
        if (layerOf(importer) !== 'server' || isTest(importer)) return;
        const marked = program.body.some((n) => n.type === 'ImportDeclaration' && n.source.value === 'server-only');
        if (!marked) context.report({ node: program, message: "a server/ module starts with import 'server-only'" });
      },
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : undefined),
    };
  },
};

export const layersPlugin = { rules: { layers: layersRule } };
