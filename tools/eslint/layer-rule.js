// Enforces the import arrows of DESIGN.md: core imports nothing else from the repo and no
// infrastructure package; adapters import only core; dialogs import only core; data folders import nothing.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Which top-level folders each layer may import from. */
const ALLOWED = {
  core: ['core'],
  adapters: ['core', 'adapters'],
  dialogs: ['core', 'dialogs'],
  prompts: [],
  locales: [],
};

/** Infrastructure packages core must never touch. */
const CORE_FORBIDDEN_PACKAGES = [
  /^fastify/, /^@fastify\//, /^ioredis/, /^mongodb/, /^@langchain\//, /^langchain/, /^@pinecone-database\//,
  /^grammy/, /^@grammyjs\//, /^@slack\//, /^@microsoft\//, /^botbuilder/, /^hnswlib-node/, /^pino/, /^i18next/,
  /^prom-client/, /^node:http/, /^node:net/, /^undici/, /^jose/,
];

function layerOf(file) {
  const rel = path.relative(ROOT, file);
  if (rel.startsWith('..')) return undefined;
  return rel.split(path.sep)[0];
}

export const layerRule = {
  meta: { type: 'problem', messages: { forbidden: '{{from}}/ may not import {{what}} (see DESIGN.md layering)' } },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (!from || !(from in ALLOWED)) return {};
    function check(node, source) {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = layerOf(path.resolve(path.dirname(file), source));
        if (target && !ALLOWED[from].includes(target)) {
          context.report({ node, messageId: 'forbidden', data: { from, what: `${target}/` } });
        }
        return;
      }
      if (from === 'core' && CORE_FORBIDDEN_PACKAGES.some((re) => re.test(source))) {
        context.report({ node, messageId: 'forbidden', data: { from, what: `the package ${source}` } });
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

/** Only bots/ (and tests, bench, tools) may read process.env. */
export const envRule = {
  meta: { type: 'problem', messages: { env: 'only bots/ reads process.env; pass configuration in an options object' } },
  create(context) {
    const from = layerOf(context.filename);
    if (!['core', 'adapters', 'dialogs'].includes(from)) return {};
    return {
      MemberExpression(node) {
        if (node.object.type === 'Identifier' && node.object.name === 'process'
          && node.property.type === 'Identifier' && node.property.name === 'env') {
          context.report({ node, messageId: 'env' });
        }
      },
    };
  },
};
