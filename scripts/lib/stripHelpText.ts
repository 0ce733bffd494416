/**
 * An esbuild plugin for Code.js: drops the help text of the function registry
 * (title, summary, details, result, examples, and each argument's description) from
 * src/functions/*.ts as it is bundled. The text stays declared once beside each
 * function's code; the build reads it from the sources to write the JSDoc stubs, the
 * reference dialog and docs/FUNCTIONS.md, so Code.js — parsed on every custom-function
 * call — need not carry it.
 */
import type * as esbuild from 'esbuild';
import { promises as fs } from 'node:fs';
import ts from 'typescript';

export const HELP_PROPERTIES: ReadonlySet<string> = new Set([
  'title',
  'summary',
  'details',
  'result',
  'examples',
  'description',
]);

function propertyName(property: ts.ObjectLiteralElementLike): string | undefined {
  if (ts.isSpreadAssignment(property)) return undefined;
  const name = property.name;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** A FunctionDefinition (has `implementation`) or an ArgumentSpec (has `kind`). */
function isRegistryObject(node: ts.ObjectLiteralExpression): boolean {
  const names = node.properties.map(propertyName);
  return names.includes('implementation') || (names.includes('kind') && names.includes('name'));
}

export function stripHelpText(source: string, fileName: string): string {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.ES2020,
    true,
    ts.ScriptKind.TS,
  );
  const transformer: ts.TransformerFactory<ts.SourceFile> = (context) => {
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isObjectLiteralExpression(node) && isRegistryObject(node)) {
        const kept = node.properties.filter((p) => !HELP_PROPERTIES.has(propertyName(p) ?? ''));
        return ts.visitEachChild(
          context.factory.updateObjectLiteralExpression(node, kept),
          visit,
          context,
        );
      }
      return ts.visitEachChild(node, visit, context);
    };
    return (root) => ts.visitNode(root, visit) as ts.SourceFile;
  };
  const [result] = ts.transform(file, [transformer]).transformed;
  return ts.createPrinter().printFile(result);
}

export const stripHelpTextPlugin: esbuild.Plugin = {
  name: 'strip-help-text',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]functions[\\/][^\\/]+\.ts$/ }, async (args) => {
      const source = await fs.readFile(args.path, 'utf8');
      return { contents: stripHelpText(source, args.path), loader: 'ts' };
    });
  },
};
